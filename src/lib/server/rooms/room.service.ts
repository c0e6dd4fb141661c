import type { AppContext } from '../app-context';
import { hashToken, randomToken } from '../crypto/secrets';
import type { HostSession, Room } from '../db/schema';
import type { Failure } from '../http/failures';
import { rateLimited } from '../rate-limit/limiter';
import { clientKey } from '../rate-limit/client-key';
import { generateRoomCode } from './generate-room-code';
import { insertHostSession } from './host-session.repository';
import { ensureLivekitRoom } from './livekit-room';
import { deleteRoom, insertRoom } from './room.repository';

export type CreateRoomResult =
	| { ok: true; room: Room; hostKey: string; hostSession: HostSession }
	| Failure<'livekit_unavailable' | 'rate_limited'>;

const UNIQUE_VIOLATION = '23505';

/**
 * Creates a room with a fresh code and its LiveKit room (through the API, never implicitly),
 * and the creator's host session. The host key is shown once, in the host link; only its
 * hash is stored.
 */
export async function createRoom(ctx: AppContext, name: string | null = null): Promise<CreateRoomResult> {
	const hostKey = randomToken(24);
	let room: Room | undefined;
	for (let attempt = 0; !room; attempt++) {
		try {
			room = await insertRoom(ctx.db, { code: generateRoomCode(), name, host_key_hash: hashToken(hostKey) });
		} catch (err) {
			if ((err as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 4) throw err;
		}
	}
	try {
		await ensureLivekitRoom(ctx, room);
	} catch (err) {
		console.error('LiveKit room creation failed', err);
		await deleteRoom(ctx.db, room.id);
		return { ok: false, reason: 'livekit_unavailable' };
	}
	const hostSession = await insertHostSession(ctx.db, room.id, room.host_generation);
	return { ok: true, room, hostKey, hostSession };
}

/** The home page's New meeting, limited per client address. */
export async function newMeeting(ctx: AppContext, client: string): Promise<CreateRoomResult> {
	const allowance = await ctx.limits.createRoom.consume(clientKey(client));
	if (!allowance.ok) return rateLimited(allowance);
	return createRoom(ctx);
}
