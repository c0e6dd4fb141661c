import type { AppContext } from '../context';
import type { Room } from '../db/schema';
import { hashToken, randomToken } from '../auth/secrets';
import { generateRoomCode } from './generate-room-code';
import { deleteRoom, findRoomByCode, insertRoom } from './room.repository';
import { ensureLivekitRoom } from './livekit-room';

export type CreateRoomResult =
	| { ok: true; room: Room; hostKey: string }
	| { ok: false; reason: 'livekit_unavailable' };

const UNIQUE_VIOLATION = '23505';

/**
 * Creates a room with a fresh code and its LiveKit room (through the API, never implicitly).
 * The returned host key is shown once, in the host link; only its hash is stored.
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
	return { ok: true, room, hostKey };
}

export async function getRoom(ctx: AppContext, code: string): Promise<Room | undefined> {
	return findRoomByCode(ctx.db, code);
}
