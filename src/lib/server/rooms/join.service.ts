import type { AppContext } from '../context';
import type { Participant } from '../db/schema';
import { verifyPassword } from '../auth/secrets';
import { findOpenSession } from '../meetings/session.repository';
import { newParticipantIdentity } from './identity';
import { findParticipant, insertParticipant, updateParticipant } from './participant.repository';
import { findRoomByCode } from './room.repository';

export interface JoinInput {
	code: string;
	displayName: string;
	password?: string;
	isHost: boolean;
	/** The participant this browser joined as before (from its join pass), reused on rejoin. */
	previousParticipantId?: string | null;
}

export type JoinFailure = 'not_found' | 'wrong_password' | 'locked' | 'full';
export type JoinResult = { ok: true; participant: Participant } | { ok: false; reason: JoinFailure };

/**
 * The room's join step: checks the room's rules and records who is joining. Passing it is
 * what entitles a browser to a LiveKit token.
 */
export async function joinRoom(ctx: AppContext, input: JoinInput): Promise<JoinResult> {
	const room = await findRoomByCode(ctx.db, input.code);
	if (!room) return { ok: false, reason: 'not_found' };

	if (!input.isHost) {
		if (room.locked) return { ok: false, reason: 'locked' };
		if (room.password_hash && !(await verifyPassword(input.password ?? '', room.password_hash))) {
			return { ok: false, reason: 'wrong_password' };
		}
		if ((await countPresent(ctx, room.id)) >= room.max_participants) return { ok: false, reason: 'full' };
	}

	const previous = input.previousParticipantId ? await findParticipant(ctx.db, input.previousParticipantId) : undefined;
	if (previous && previous.room_id === room.id) {
		// Same browser rejoining: keep its identity, so LiveKit replaces the stale connection.
		await updateParticipant(ctx.db, previous.id, { display_name: input.displayName, is_host: input.isHost });
		return { ok: true, participant: { ...previous, display_name: input.displayName, is_host: input.isHost } };
	}

	const participant = await insertParticipant(ctx.db, {
		room_id: room.id,
		identity: newParticipantIdentity(),
		display_name: input.displayName,
		is_host: input.isHost
	});
	return { ok: true, participant };
}

async function countPresent(ctx: AppContext, roomId: string): Promise<number> {
	const session = await findOpenSession(ctx.db, roomId);
	if (!session) return 0;
	const row = await ctx.db
		.selectFrom('participants')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('session_id', '=', session.id)
		.where('joined_at', 'is not', null)
		.where('left_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
