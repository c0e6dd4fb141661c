import type { MeetingSession, RecordingExport } from '../db/schema';
import type { Db } from '../db';
import type { JobQueue } from '../jobs/queue';
import { findLiveExport, insertExport } from './exports.repository';

/** Asks for the meeting's single-file video: the one already made (or being made), else a new one, queued. */
export async function requestExport(ctx: { db: Db; jobs: JobQueue }, session: MeetingSession): Promise<RecordingExport> {
	const existing = await findLiveExport(ctx.db, session.id);
	if (existing) return existing;
	const created = await insertExport(ctx.db, session.id);
	await ctx.jobs.enqueue('recording.export', { exportId: created.id });
	return created;
}
