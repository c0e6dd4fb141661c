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

export async function appendUpdate(db: Db, sessionId: string, participantId: string | null, update: Uint8Array): Promise<void> {
	await db.insertInto('whiteboard_updates').values({ session_id: sessionId, participant_id: participantId, update }).execute();
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
