import type { Db } from '../db';
import type { LiveNotesRow } from '../db/schema';
import type { RawInsights } from '../insights/insights-schema';

/** A refresh of the rolling notes, with its model output read back as notes. */
export type LiveNotes = Omit<LiveNotesRow, 'part' | 'summary'> & { part: RawInsights; summary: RawInsights };

/** The session's newest rolling notes. */
export async function latestLiveNotes(db: Db, sessionId: string): Promise<LiveNotes | undefined> {
	const row = await db.selectFrom('live_notes').selectAll().where('session_id', '=', sessionId).orderBy('id', 'desc').limit(1).executeTakeFirst();
	return row as LiveNotes | undefined;
}

/** Keeps one refresh (a second writer of the same span keeps the first). */
export async function insertLiveNotes(
	db: Db,
	notes: { session_id: string; lines_upto: number; chat_upto: number; part: RawInsights; summary: RawInsights; engine: string; model: string; ms: number }
): Promise<void> {
	await db
		.insertInto('live_notes')
		.values({ ...notes, part: JSON.stringify(notes.part), summary: JSON.stringify(notes.summary) })
		.onConflict((oc) => oc.columns(['session_id', 'lines_upto', 'chat_upto']).doNothing())
		.execute();
}
