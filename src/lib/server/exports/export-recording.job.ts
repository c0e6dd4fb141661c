import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Db } from '../db';
import type { Attempt } from '../jobs/runner';
import { stageSegments } from '../../records/stage-timeline';
import { findSessionById } from '../meetings/session.repository';
import { roomMix } from '../recordings/joined-mix';
import { sessionRecordings } from '../recordings/recording.repository';
import { transcriptOrigin } from '../transcription/transcript-origin';
import { compositeArgs, progressOf } from './composite-command';
import { findExport, updateExport } from './exports.repository';

/**
 * Renders a meeting's record as one MP4 (the stage as the record page plays it, over the
 * room's mix) with FFmpeg, reporting progress as it goes. A failure is kept with its reason;
 * a killed worker's job is retried from the start (the half-written file is replaced).
 */
export async function exportRecording(ctx: { db: Db }, exportId: string, attempt: Attempt): Promise<void> {
	const job = await findExport(ctx.db, exportId);
	if (!job || job.status === 'ready' || job.status === 'failed') return;
	const session = await findSessionById(ctx.db, job.session_id);
	const recordings = session ? await sessionRecordings(ctx.db, session.id) : [];
	const mix = roomMix(recordings);
	if (!session || !mix || !mix.started_at || !mix.ended_at) {
		await updateExport(ctx.db, exportId, { status: 'failed', error: 'This meeting has no finished recording to export.' });
		return;
	}
	const origin = transcriptOrigin(recordings);
	const at = (d: Date) => (d.getTime() - origin) / 1000;
	const duration = at(mix.ended_at);
	const videos = recordings
		.filter((r) => r.kind === 'video' && r.status === 'complete' && r.started_at)
		.map((r) => ({
			id: r.id,
			path: r.file_path,
			identity: r.participant_identity ?? '',
			name: r.speaker_name ?? '',
			source: r.source === 'screen_share' ? ('screen_share' as const) : ('camera' as const),
			startAt: at(r.started_at!),
			endAt: r.ended_at ? at(r.ended_at) : null
		}));
	const speech = session.transcript.map((l) => ({ identity: l.participantIdentity ?? '', start: l.timestamp, end: l.end ?? l.timestamp }));
	const outputPath = join(dirname(mix.file_path), `export-${exportId}.mp4`);
	const args = compositeArgs({ audioPath: mix.file_path, durationSeconds: duration, videos, segments: stageSegments(videos, speech, duration), outputPath });

	await updateExport(ctx.db, exportId, { status: 'running', progress: 0, error: null });
	try {
		await runFfmpeg(args, duration, (progress) => updateExport(ctx.db, exportId, { progress }));
		await updateExport(ctx.db, exportId, { status: 'ready', progress: 1, file_path: outputPath });
	} catch (err) {
		await rm(outputPath, { force: true });
		console.error(`export ${exportId} (attempt ${attempt.retryCount + 1}):`, (err as Error).message);
		if (!attempt.lastAttempt) throw err;
		await updateExport(ctx.db, exportId, { status: 'failed', error: 'The video could not be rendered.' });
	}
}

/** Runs ffmpeg, reporting progress at most once a second; rejects with its last error lines. */
function runFfmpeg(args: string[], duration: number, onProgress: (share: number) => Promise<void>): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let stderr = '';
		let reported = 0;
		child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
		createInterface({ input: child.stdout }).on('line', (line) => {
			const share = progressOf(line, duration);
			if (share === null || Date.now() - reported < 1000) return;
			reported = Date.now();
			void onProgress(Math.round(share * 1000) / 1000).catch(() => undefined);
		});
		child.once('error', reject);
		child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim()}`))));
	});
}
