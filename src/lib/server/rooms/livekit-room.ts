import type { RoomServiceClient } from 'livekit-server-sdk';
import { roomMetadataJson } from '../../room-metadata';
import type { Room } from '../db/schema';

/** LiveKit closes a room 5 minutes after it was created empty, 20 s after the last person left; our room lives on. */
const EMPTY_TIMEOUT_SECONDS = 300;
const DEPARTURE_TIMEOUT_SECONDS = 20;

/**
 * Creates the room on LiveKit, or finds it (CreateRoom answers the existing room for a
 * name it has). Returns LiveKit's room sid: a new sid means a new LiveKit room.
 */
export async function ensureLivekitRoom(livekit: RoomServiceClient, room: Room): Promise<string> {
	const created = await livekit.createRoom({
		name: room.code,
		emptyTimeout: EMPTY_TIMEOUT_SECONDS,
		departureTimeout: DEPARTURE_TIMEOUT_SECONDS,
		maxParticipants: room.max_participants,
		metadata: roomMetadataJson({ reactions: room.reactions })
	});
	return created.sid;
}

/**
 * Puts the room's settings the call needs into LiveKit's room metadata, when LiveKit has the
 * room (no meeting under way: the next one's room is made with them).
 */
export async function publishRoomMetadata(livekit: RoomServiceClient, room: Room): Promise<void> {
	try {
		await livekit.updateRoomMetadata(room.code, roomMetadataJson({ reactions: room.reactions }));
	} catch (err) {
		if (!/not found|does not exist/i.test(String((err as Error).message))) throw err;
	}
}
