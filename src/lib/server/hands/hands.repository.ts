import { sql } from 'kysely';
import type { HandQueue } from '../../hands/queue';
import { IN_CALL_GRACE_MS } from '../access/room-rules';
import type { Db } from '../db';
import type { HandLoweredBy } from '../db/schema';

/**
 * Holds the session's row while its hands change, so changes and the queue each one answers
 * happen one at a time per meeting: the versions they carry follow the order of the queues.
 */
export async function lockSessionHands(db: Db, sessionId: string): Promise<void> {
	await db.selectFrom('meeting_sessions').select('id').where('id', '=', sessionId).forUpdate().execute();
}

/** Raises the participant's hand; a hand already up keeps its place. Answers whether it went up now. */
export async function raiseHand(db: Db, sessionId: string, participantId: string): Promise<boolean> {
	const inserted = await db
		.insertInto('raised_hands')
		.values({ session_id: sessionId, participant_id: participantId })
		.onConflict((oc) => oc.columns(['session_id', 'participant_id']).where('lowered_at', 'is', null).doNothing())
		.returning('id')
		.executeTakeFirst();
	return inserted !== undefined;
}

/** Lowers the participant's hand if it is up; answers whether it was. */
export async function lowerHand(db: Db, sessionId: string, participantId: string, by: HandLoweredBy): Promise<boolean> {
	const result = await db
		.updateTable('raised_hands')
		.set({ lowered_at: sql`now()`, lowered_by: by, version: sql`nextval('raised_hands_version')` } as never)
		.where('session_id', '=', sessionId)
		.where('participant_id', '=', participantId)
		.where('lowered_at', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** Lowers every hand up in the session; answers how many. */
export async function lowerAllHands(db: Db, sessionId: string, by: HandLoweredBy): Promise<number> {
	const result = await db
		.updateTable('raised_hands')
		.set({ lowered_at: sql`now()`, lowered_by: by, version: sql`nextval('raised_hands_version')` } as never)
		.where('session_id', '=', sessionId)
		.where('lowered_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/**
 * The hands up in the session, first raised first, of participants in the call (or gone for
 * less than the reconnect grace: a reload keeps its place), and the newest change's version.
 */
export async function handQueue(db: Db, sessionId: string): Promise<HandQueue> {
	const [rows, latest] = await Promise.all([
		db
			.selectFrom('raised_hands as h')
			.innerJoin('participants as p', 'p.id', 'h.participant_id')
			.select(['p.identity', 'p.display_name', 'h.raised_at'])
			.where('h.session_id', '=', sessionId)
			.where('h.lowered_at', 'is', null)
			.where('p.removed_at', 'is', null)
			.where((eb) => eb.or([eb('p.left_at', 'is', null), eb('p.left_at', '>', sql<Date>`now() - make_interval(secs => ${IN_CALL_GRACE_MS / 1000})`)]))
			.orderBy('h.raised_at')
			.orderBy('h.id')
			.execute(),
		db.selectFrom('raised_hands').select((eb) => eb.fn.max('version').as('version')).where('session_id', '=', sessionId).executeTakeFirst()
	]);
	return {
		version: Number(latest?.version ?? 0),
		hands: rows.map((r) => ({ identity: r.identity, name: r.display_name, raisedAt: r.raised_at.toISOString() }))
	};
}

/**
 * Every hand raised in the session, in order: the record's timeline. A hand still up when its
 * owner left (or was removed) came down then.
 */
export async function sessionHands(db: Db, sessionId: string): Promise<{ name: string; raised_at: Date; lowered_at: Date | null; lowered_by: HandLoweredBy | null }[]> {
	const rows = await db
		.selectFrom('raised_hands as h')
		.innerJoin('participants as p', 'p.id', 'h.participant_id')
		.select(['p.display_name as name', 'h.raised_at', 'h.lowered_at', 'h.lowered_by', 'p.left_at', 'p.removed_at'])
		.where('h.session_id', '=', sessionId)
		.orderBy('h.raised_at')
		.orderBy('h.id')
		.execute();
	return rows.map(({ left_at, removed_at, ...hand }) => {
		const gone = [removed_at, left_at].find((at) => at !== null && at >= hand.raised_at) ?? null;
		return hand.lowered_at === null && gone ? { ...hand, lowered_at: gone, lowered_by: removed_at ? 'moderator' : 'left' } : hand;
	});
}
