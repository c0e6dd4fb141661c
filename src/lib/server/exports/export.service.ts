import type { MeetingSession, RecordingExport } from '../db/schema';
import type { Db } from '../db';
import type { JobQueue } from '../jobs/queue';
import type { Failure } from '../http/failures';
import { findLiveExport, insertExportOnce, latestExport } from './exports.repository';

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

/** The record page's Export button: the meeting as one video file, once its recording is finished. */
export async function exportRecord(ctx: { db: Db; jobs: JobQueue }, session: MeetingSession): Promise<{ status: RecordingExport['status']; progress: number } | Failure<'not_finished'>> {
	if (session.transcript_status === 'none' || session.transcript_status === 'recording') return { ok: false, reason: 'not_finished' };
	const made = await requestExport(ctx, session);
	return { status: made.status, progress: made.progress };
}

/** The exported video's file, once its export is ready. */
export async function exportedVideo(ctx: { db: Db }, session: MeetingSession): Promise<{ path: string } | Failure<'not_exported'>> {
	const made = await latestExport(ctx.db, session.id);
	return made?.status === 'ready' && made.file_path ? { path: made.file_path } : { ok: false, reason: 'not_exported' };
}
