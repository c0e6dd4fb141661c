import type { Db } from '../db';
import type { MeetingInsights, MeetingInsightsRow } from '../db/schema';

export interface InsightsKey {
	session_id: string;
	transcript_hash: string;
	prompt_version: string;
	engine: string;
	model: string;
}

/** The row for this key, created pending if there is none (race-safe on the unique key). */
export async function claimInsights(db: Db, key: InsightsKey): Promise<MeetingInsightsRow> {
	await db
		.insertInto('meeting_insights')
		.values(key)
		.onConflict((oc) => oc.columns(['session_id', 'transcript_hash', 'prompt_version', 'engine', 'model']).doNothing())
		.execute();
	return db
		.selectFrom('meeting_insights')
		.selectAll()
		.where('session_id', '=', key.session_id)
		.where('transcript_hash', '=', key.transcript_hash)
		.where('prompt_version', '=', key.prompt_version)
		.where('engine', '=', key.engine)
		.where('model', '=', key.model)
		.executeTakeFirstOrThrow();
}

export async function markInsightsRunning(db: Db, id: string): Promise<void> {
	await db.updateTable('meeting_insights').set({ status: 'running', error: null, updated_at: new Date() }).where('id', '=', id).execute();
}

export interface InsightsResult {
	insights: MeetingInsights;
	dropped: number;
	flagged: number;
	citationsWritten: number;
	citationsKept: number;
	usage: { inputTokens: number; outputTokens: number; requests: number; parts: number; ms: number };
}

export async function saveInsights(db: Db, id: string, result: InsightsResult): Promise<void> {
	await db
		.updateTable('meeting_insights')
		.set({
			status: 'ready',
			insights: JSON.stringify(result.insights),
			dropped: result.dropped,
			flagged: result.flagged,
			citations_written: result.citationsWritten,
			citations_kept: result.citationsKept,
			usage: JSON.stringify(result.usage),
			error: null,
			updated_at: new Date()
		})
		.where('id', '=', id)
		.execute();
}

export async function failInsights(db: Db, id: string, error: string): Promise<void> {
	await db.updateTable('meeting_insights').set({ status: 'failed', error, updated_at: new Date() }).where('id', '=', id).execute();
}

/** The session's most recent insights (the last written, whatever their engine). */
export async function latestInsights(db: Db, sessionId: string): Promise<MeetingInsightsRow | undefined> {
	return db.selectFrom('meeting_insights').selectAll().where('session_id', '=', sessionId).orderBy('updated_at', 'desc').limit(1).executeTakeFirst();
}

export async function deleteSessionInsights(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('meeting_insights').where('session_id', '=', sessionId).execute();
}
