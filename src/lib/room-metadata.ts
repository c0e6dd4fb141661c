/**
 * What the server keeps in the LiveKit room's metadata: the room's settings everyone in the call
 * needs to see at once (set when LiveKit's room is made, updated when a host changes them; only
 * the server can write it). Pure.
 */
export interface RoomMetadata {
	/** Whether reactions are on in this room. */
	reactions: boolean;
	/** Whether live captions are on in this room: the transcriber joins its meetings. */
	captions: boolean;
	/** Whether this meeting's captions are being kept as its transcript (the host chose Transcribe, or it is recorded). */
	transcribing: boolean;
	/** The meeting's spoken language (a Whisper code or 'auto'); null: the server's default. */
	language: string | null;
}

export const DEFAULT_ROOM_METADATA: RoomMetadata = { reactions: true, captions: true, transcribing: false, language: null };

export function roomMetadataJson(metadata: RoomMetadata): string {
	return JSON.stringify(metadata);
}

/** The settings in a room's metadata; defaults for what is missing or malformed. */
export function parseRoomMetadata(json: string | undefined): RoomMetadata {
	try {
		const value = json ? (JSON.parse(json) as Partial<RoomMetadata>) : {};
		const flag = (key: 'reactions' | 'captions' | 'transcribing') => (typeof value[key] === 'boolean' ? value[key] : DEFAULT_ROOM_METADATA[key]);
		const language = typeof value.language === 'string' && /^[a-z]{2,3}$|^auto$/.test(value.language) ? value.language : null;
		return { reactions: flag('reactions'), captions: flag('captions'), transcribing: flag('transcribing'), language };
	} catch {
		return { ...DEFAULT_ROOM_METADATA };
	}
}
