import { sql, type OperandValueExpressionOrList } from 'kysely';
import type { Db } from '../db';
import type { Database, MeetingSession, Participant } from '../db/schema';

/** Seats: who holds one in a meeting (connected, or a token just minted), for the capacity and the token rule. */

/** The room's open session, and whether LiveKit reported someone in its room who has not left (by the webhooks): one round trip. */
export async function openSessionWithPresence(db: Db, roomId: string): Promise<{ session: MeetingSession; anyoneConnected: boolean } | undefined> {
	const row = await db
		.selectFrom('meeting_sessions as s')
		.selectAll('s')
		.select((eb) =>
			eb
				.exists(
					eb
						.selectFrom('participants as p')
						.select('p.id')
						.whereRef('p.session_id', '=', 's.id')
						.where('p.joined_at', 'is not', null)
						.where('p.left_at', 'is', null)
				)
				.as('anyone_connected')
		)
		.where('s.room_id', '=', roomId)
		.where('s.ended_at', 'is', null)
		.executeTakeFirst();
	if (!row) return undefined;
	const { anyone_connected, ...session } = row;
	return { session, anyoneConnected: Boolean(anyone_connected) };
}

/** How long a minted token holds a seat before LiveKit reports the participant joined. */
export const SEAT_HOLD_SECONDS = 60;

/**
 * People who hold a seat in the session now, other than `except`: connected (LiveKit said
 * joined, not yet left) or admitted within the last minute and not yet connected. The
 * removed hold none.
 */
export async function countSeated(db: Db, sessionId: string, except: string): Promise<number> {
	const row = await seatedQuery(db, sessionId, except)
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The people countSeated counts, as a query (the session given as a value or a subquery). */
function seatedQuery(db: Db, sessionId: OperandValueExpressionOrList<Database, 'participants', 'session_id'>, except: string) {
	return db
		.selectFrom('participants')
		.where('session_id', '=', sessionId)
		.where('id', '!=', except)
		.where('removed_at', 'is', null)
		.where((eb) =>
			eb.or([
				eb.and([eb('joined_at', 'is not', null), eb('left_at', 'is', null)]),
				eb('admitted_at', '>', sql<Date>`now() - make_interval(secs => ${SEAT_HOLD_SECONDS})`)
			])
		);
}

/** What the token rule asks about a pass's participant, read in one round trip (see tokenFacts). */
export interface TokenFactsRow {
	participant: Participant | undefined;
	openSessionId: string | null;
	/** Others holding a seat in the open session (countSeated); 0 without one. */
	seated: number;
	/** Who holds the room's screen-share lock, if anyone. */
	lockHolderId: string | null;
}

/**
 * The room's open session, the participant, the seats the others hold in that session and
 * the screen-share lock's holder, in one statement. Run it with the room row locked (after
 * lockRoom, in the same transaction): the statement's snapshot is then taken after every
 * seat that committed before the lock was granted.
 */
export async function tokenFacts(db: Db, roomId: string, participantId: string): Promise<TokenFactsRow> {
	const openSession = db.selectFrom('meeting_sessions').select('id').where('room_id', '=', roomId).where('ended_at', 'is', null).limit(1);
	const row = await db
		.selectFrom('rooms')
		.leftJoin('participants as p', (join) => join.on('p.id', '=', participantId))
		.selectAll('p')
		.select((eb) => [
			openSession.as('open_session_id'),
			seatedQuery(db, openSession, participantId)
				.select((c) => c.fn.countAll<string>().as('n'))
				.as('seated'),
			eb.selectFrom('screen_share_locks').select('holder_id').where('room_id', '=', roomId).as('lock_holder_id')
		])
		.where('rooms.id', '=', roomId)
		.executeTakeFirstOrThrow();
	const { open_session_id, seated, lock_holder_id, ...participant } = row;
	return {
		participant: participant.id === null ? undefined : (participant as Participant),
		openSessionId: open_session_id,
		seated: Number(seated ?? 0), // without an open session nobody matches: 0
		lockHolderId: lock_holder_id ?? null
	};
}

/**
 * A token was minted for the participant: the seat is held from now, and the pass's idle
 * expiry moves on with the host session the browser presented (host rights follow it), in
 * one statement.
 */
export async function markAdmitted(db: Db, participantId: string, hostSessionId: string | null, passId: string, passExpiresAt: Date): Promise<void> {
	await db
		.with('admitted', (w) => w.updateTable('participants').set({ admitted_at: new Date() }).where('id', '=', participantId))
		.updateTable('join_passes')
		.set({ expires_at: passExpiresAt, host_session_id: hostSessionId })
		.where('id', '=', passId)
		.where('revoked_at', 'is', null)
		.execute();
}
