import type { RoomServiceClient } from 'livekit-server-sdk';
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
		maxParticipants: room.max_participants
	});
	return created.sid;
}
