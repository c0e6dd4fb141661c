import { sql } from 'kysely';
import type { Db } from '../db';

export interface StoredBoard {
	/** The compacted state, or null before the first compaction. */
	state: Uint8Array | null;
	/** Updates since, in order. */
	updates: Uint8Array[];
}

export async function loadBoard(db: Db, sessionId: string): Promise<StoredBoard> {
	const [board, updates] = await Promise.all([
		db.selectFrom('whiteboards').select('state').where('session_id', '=', sessionId).executeTakeFirst(),
		db.selectFrom('whiteboard_updates').select(['id', 'update']).where('session_id', '=', sessionId).orderBy('id').execute()
	]);
	return { state: board?.state ?? null, updates: updates.map((u) => u.update) };
}

/** Where the stored board stands: a version that changes with every write, and its stored size. */
export interface BoardVersion {
	/** `<compacted at>|<newest update id>`: equal versions mean the same stored board. */
	version: string;
	pendingUpdates: number;
	storedBytes: number;
	/** How many shapes `participantId` has added to it (0 when none is asked about). */
	shapesAddedBy: number;
}

/** The board's version and size, and one participant's share of it: one round trip. */
export async function boardVersion(db: Db, sessionId: string, participantId?: string): Promise<BoardVersion> {
	const row = await db
		.selectFrom(sql`(SELECT 1)`.as('one'))
		.select((eb) => [
			eb.selectFrom('whiteboards').select(sql<string>`extract(epoch from updated_at)::text`.as('v')).where('session_id', '=', sessionId).as('compacted_at'),
			eb.selectFrom('whiteboards').select('state_bytes').where('session_id', '=', sessionId).as('state_bytes'),
			eb.selectFrom('whiteboard_updates').select((u) => u.fn.max('id').as('m')).where('session_id', '=', sessionId).as('newest'),
			eb.selectFrom('whiteboard_updates').select((u) => u.fn.countAll<string>().as('n')).where('session_id', '=', sessionId).as('pending'),
			eb
				.selectFrom('whiteboard_updates')
				.select(sql<string>`coalesce(sum(octet_length(update)), 0)::text`.as('b'))
				.where('session_id', '=', sessionId)
				.as('pending_bytes'),
			eb
				.selectFrom('whiteboard_contributors')
				.select('shapes_added')
				.where('session_id', '=', sessionId)
				.where('participant_id', '=', participantId ?? '00000000-0000-0000-0000-000000000000')
				.as('shapes_added')
		])
		.executeTakeFirstOrThrow();
	return {
		version: `${row.compacted_at ?? '-'}|${row.newest ?? '-'}`,
		pendingUpdates: Number(row.pending ?? 0),
		storedBytes: Number(row.state_bytes ?? 0) + Number(row.pending_bytes ?? 0),
		shapesAddedBy: Number(row.shapes_added ?? 0)
	};
}

/** Appends an update; answers the board's version after it. */
export async function appendUpdate(db: Db, sessionId: string, participantId: string | null, update: Uint8Array): Promise<string> {
	const row = await db.insertInto('whiteboard_updates').values({ session_id: sessionId, participant_id: participantId, update }).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

/** Replaces the stored state with `state`, which folds in every stored update (the caller holds the board's lock): drops them. */
export async function saveCompacted(db: Db, sessionId: string, state: Uint8Array, shapes: number): Promise<void> {
	await db
		.insertInto('whiteboards')
		.values({ session_id: sessionId, state, state_bytes: state.byteLength, shapes, updated_at: new Date() })
		.onConflict((oc) => oc.column('session_id').doUpdateSet({ state, state_bytes: state.byteLength, shapes, updated_at: new Date() }))
		.execute();
	await db.deleteFrom('whiteboard_updates').where('session_id', '=', sessionId).execute();
}

/** Serializes writes to one board across app processes (a transaction-scoped advisory lock). */
export async function lockBoard(db: Db, sessionId: string): Promise<void> {
	await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`whiteboard:${sessionId}`}, 0))`.execute(db);
}

export async function setViewOnly(db: Db, roomId: string, viewOnly: boolean): Promise<void> {
	await db.updateTable('rooms').set({ whiteboard_view_only: viewOnly }).where('id', '=', roomId).execute();
}

export async function countShapesAdded(db: Db, sessionId: string, participantId: string, added: number): Promise<void> {
	if (added <= 0) return;
	await db
		.insertInto('whiteboard_contributors')
		.values({ session_id: sessionId, participant_id: participantId, shapes_added: added })
		.onConflict((oc) => oc.columns(['session_id', 'participant_id']).doUpdateSet((eb) => ({ shapes_added: eb('whiteboard_contributors.shapes_added', '+', added) })))
		.execute();
}
