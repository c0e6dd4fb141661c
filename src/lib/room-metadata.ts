/**
 * What the server keeps in the LiveKit room's metadata: the room's settings everyone in the call
 * needs to see at once (set when LiveKit's room is made, updated when a host changes them; only
 * the server can write it). Pure.
 */
export interface RoomMetadata {
	/** Whether reactions are on in this room. */
	reactions: boolean;
}

export const DEFAULT_ROOM_METADATA: RoomMetadata = { reactions: true };

export function roomMetadataJson(metadata: RoomMetadata): string {
	return JSON.stringify(metadata);
}

/** The settings in a room's metadata; defaults for what is missing or malformed. */
export function parseRoomMetadata(json: string | undefined): RoomMetadata {
	try {
		const value = json ? (JSON.parse(json) as Partial<RoomMetadata>) : {};
		return { reactions: typeof value.reactions === 'boolean' ? value.reactions : DEFAULT_ROOM_METADATA.reactions };
	} catch {
		return { ...DEFAULT_ROOM_METADATA };
	}
}
