import type { Db } from '../db';
import type { MediaRestart } from '../db/schema';

export async function insertMediaRestart(db: Db, runId: string, restartedAt: Date): Promise<void> {
	await db.insertInto('media_restarts').values({ run_id: runId, restarted_at: restartedAt }).execute();
}

export async function runMediaRestarts(db: Db, runId: string): Promise<MediaRestart[]> {
	return db.selectFrom('media_restarts').selectAll().where('run_id', '=', runId).orderBy('restarted_at').execute();
}

/** The restarts of a session's runs whose gap is known, for the record. */
export async function sessionMediaGaps(db: Db, sessionId: string): Promise<{ gap_start: Date; gap_end: Date }[]> {
	const rows = await db
		.selectFrom('media_restarts')
		.innerJoin('recording_runs', 'recording_runs.id', 'media_restarts.run_id')
		.select(['media_restarts.gap_start', 'media_restarts.gap_end'])
		.where('recording_runs.session_id', '=', sessionId)
		.where('media_restarts.gap_start', 'is not', null)
		.where('media_restarts.gap_end', 'is not', null)
		.orderBy('media_restarts.gap_start')
		.execute();
	return rows as { gap_start: Date; gap_end: Date }[];
}

export async function setMediaGap(db: Db, id: string, gap: { gap_start: Date; gap_end: Date }): Promise<void> {
	await db.updateTable('media_restarts').set(gap).where('id', '=', id).execute();
}
