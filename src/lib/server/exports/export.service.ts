import type { MeetingSession, RecordingExport } from '../db/schema';
import type { Db } from '../db';
import type { JobQueue } from '../jobs/queue';
import { findLiveExport, insertExportOnce } from './exports.repository';

/**
 * Asks for the meeting's single-file video: the one already made (or being made), else a new
 * one, queued. Parallel requests coalesce on the database's unique index: one render.
 */
export async function requestExport(ctx: { db: Db; jobs: JobQueue }, session: MeetingSession): Promise<RecordingExport> {
	const created = await insertExportOnce(ctx.db, session.id);
	if (!created) {
		const existing = await findLiveExport(ctx.db, session.id);
		if (existing) return existing;
		return requestExport(ctx, session); // it failed in between: ask again
	}
	await ctx.jobs.enqueue('recording.export', { exportId: created.id });
	return created;
}
