import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db';
import { inTransaction } from '../db/transaction';
import { deleteSessionExports, sessionExportFiles } from '../exports/exports.repository';
import { deleteSessionInsights } from '../insights/insights.repository';
import type { Room } from '../db/schema';
import type { Failure } from '../http/failures';
import { countLiveSegments, deleteLiveTranscript } from '../meetings/live-segments.repository';
import { findRoomSession, resetRecord } from '../meetings/session.repository';
import { deleteSpokenPassages } from '../memory/passage.repository';
import { deleteSessionRuns, recordedSessionsBefore, sessionRecordings, sessionRuns } from '../recordings/recording.repository';

export type DeleteResult = { ok: true; files: number } | { ok: false; reason: 'no_recording' | 'still_recording' };

/**
 * Deletes a meeting's recording: every file (tracks, videos, the mix, exports), the
 * transcript (the live captions kept and the rolling notes too) and the insights, after the
 * host confirmed. A meeting that was transcribed without being recorded has a record too. The rows go first, in one
 * transaction, so the record never points at missing files; then the files. Deleting again
 * finds nothing: no_recording.
 */
export async function deleteRecord(ctx: { db: Db; recordingsPath: string }, sessionId: string): Promise<DeleteResult> {
	const runs = await sessionRuns(ctx.db, sessionId);
	if (!runs.length && !(await countLiveSegments(ctx.db, sessionId))) return { ok: false, reason: 'no_recording' };
	if (runs.some((r) => r.status === 'recording' || r.status === 'stopping')) return { ok: false, reason: 'still_recording' };
	const files = [...(await sessionRecordings(ctx.db, sessionId)).map((r) => r.file_path), ...(await sessionExportFiles(ctx.db, sessionId))];
	await inTransaction(ctx.db, async (trx) => {
		await deleteSessionExports(trx, sessionId);
		await deleteSessionInsights(trx, sessionId);
		await deleteSessionRuns(trx, sessionId);
		await deleteLiveTranscript(trx, sessionId);
		await resetRecord(trx, sessionId);
		await deleteSpokenPassages(trx, sessionId);
	});
	await Promise.all(files.map((f) => rm(f, { force: true })));
	await rm(join(ctx.recordingsPath, sessionId), { recursive: true, force: true });
	return { ok: true, files: files.length };
}

/** Retention: deletes the recordings of meetings older than `days` (0: keep them all). */
export async function applyRetention(ctx: { db: Db; recordingsPath: string }, days: number, now = Date.now()): Promise<number> {
	if (days <= 0) return 0;
	const expired = await recordedSessionsBefore(ctx.db, new Date(now - days * 86_400_000));
	let deleted = 0;
	for (const { session_id } of expired) if ((await deleteRecord(ctx, session_id)).ok) deleted++;
	return deleted;
}

/** The host's Delete on the record page: the room's meeting `sessionId`, its recording gone (see deleteRecord). */
export async function deleteRoomRecord(ctx: { db: Db; recordingsPath: string }, room: Room, sessionId: string): Promise<{ deleted: true; files: number } | Failure<'not_found' | 'no_recording' | 'still_recording'>> {
	const session = await findRoomSession(ctx.db, room.id, sessionId);
	if (!session) return { ok: false, reason: 'not_found' };
	const result = await deleteRecord(ctx, session.id);
	return result.ok ? { deleted: true, files: result.files } : result;
}
