import type { Db } from '../db';
import type { LiveSegment, LiveSegmentTable } from '../db/schema';

/** A final as the transcriber hands it in: the table's columns the database does not fill. */
export type NewLiveSegment = Omit<LiveSegmentTable, 'id' | 'session_id' | 'created_at'>;

/** Stores finals of a session; a segment id it already has is kept as it was. Returns how many were new. */
export async function insertLiveSegments(db: Db, sessionId: string, segments: NewLiveSegment[]): Promise<number> {
	if (!segments.length) return 0;
	const rows = await db
		.insertInto('live_segments')
		.values(segments.map((s) => ({ ...s, session_id: sessionId })))
		.onConflict((oc) => oc.columns(['session_id', 'segment_id']).doNothing())
		.returning('id')
		.execute();
	return rows.length;
}

/** A session's finals in arrival order (the order the rolling notes number them in). */
export async function sessionLiveSegments(db: Db, sessionId: string): Promise<LiveSegment[]> {
	return db.selectFrom('live_segments').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();
}

export async function countLiveSegments(db: Db, sessionId: string): Promise<number> {
	const row = await db.selectFrom('live_segments').select((eb) => eb.fn.countAll<string>().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Forgets a meeting's live transcript and its rolling notes (its record is deleted). */
export async function deleteLiveTranscript(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('live_notes').where('session_id', '=', sessionId).execute();
	await db.deleteFrom('live_segments').where('session_id', '=', sessionId).execute();
}
