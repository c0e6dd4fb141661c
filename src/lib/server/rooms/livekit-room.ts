import type { AppContext } from '../context';
import type { Room } from '../db/schema';

/** LiveKit closes a room 5 minutes after the last person leaves; our room lives on. */
const EMPTY_TIMEOUT_SECONDS = 300;

/** Creates the room on LiveKit, or finds it (CreateRoom is idempotent for an existing name). */
export async function ensureLivekitRoom(ctx: AppContext, room: Room): Promise<void> {
	await ctx.livekit.createRoom({
		name: room.code,
		emptyTimeout: EMPTY_TIMEOUT_SECONDS,
		departureTimeout: 20,
		maxParticipants: room.max_participants
	});
}
