import { execFile } from 'node:child_process';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Db } from '../db';
import { transcriptOrigin } from '../transcription/transcript-origin';
import { joinMixArgs, mixPieces, recorderMixes } from '../recordings/joined-mix';
import { saveJoinedMix, sessionRecordings, sessionRuns } from '../recordings/recording.repository';

const run = promisify(execFile);

/** Whether ffmpeg decodes a file to its end (a killed recorder may leave one it cannot). */
async function decodes(path: string): Promise<boolean> {
	return run('ffmpeg', ['-v', 'error', '-xerror', '-i', path, '-f', 'null', '-'], { timeout: 600_000 }).then(
		() => true,
		() => false
	);
}

/**
 * The `recording.join-mix` job: when a session has more than one room-mix file (a lost
 * recorder went on in a new segment, or the host recorded twice), they are laid on the
 * transcript's clock, with silence where nothing was recorded, in one file the record page
 * plays and the export uses. A file that does not decode is left out (its stretch is silent).
 */
export async function joinSessionMix(ctx: { db: Db; recordingsPath: string }, sessionId: string): Promise<void> {
	const recordings = await sessionRecordings(ctx.db, sessionId);
	const origin = transcriptOrigin(recordings);
	const candidates = mixPieces(recordings, origin);
	if (candidates.length < 2) return; // one mix plays as it is
	const unreadable = new Set<string>();
	for (const piece of candidates) {
		if (await decodes(piece.path)) continue;
		unreadable.add(piece.path);
		console.error(`session ${sessionId}: the room mix ${piece.path} does not decode; its stretch stays silent`);
	}
	const pieces = mixPieces(recordings.filter((r) => !unreadable.has(r.file_path)), origin);
	if (!pieces.length) return;
	const output = join(ctx.recordingsPath, sessionId, 'room.joined.ogg');
	const partial = `${output}.partial`;
	await mkdir(dirname(output), { recursive: true });
	try {
		await run('ffmpeg', joinMixArgs(pieces, partial), { timeout: 3_600_000 });
		await rename(partial, output);
	} catch (err) {
		await rm(partial, { force: true });
		throw err;
	}
	const latestRun = (await sessionRuns(ctx.db, sessionId)).sort((a, b) => a.started_at.getTime() - b.started_at.getTime()).at(-1)!;
	const lastEnd = Math.max(...recorderMixes(recordings).flatMap((r) => (r.ended_at ? [r.ended_at.getTime()] : [])), origin);
	await saveJoinedMix(ctx.db, { run_id: latestRun.id, file_path: output, started_at: new Date(origin), ended_at: new Date(lastEnd) });
}
