import { readFile } from 'node:fs/promises';
import type { RecordingContext } from '../recordings/recording-context';
import type { Attempt } from './runner';
import { setTranscriptStatus } from '../recordings/transcript-status';
import { probeAudio } from '../transcription/probe-audio';
import { WhisperRejectedError, WhisperUnavailableError } from '../transcription/whisper-client';

/**
 * Sends one speaker's recording to Whisper and stores the segments. Idempotent: a part that
 * is already done or failed is left alone, so a retried or duplicated job adds nothing.
 */
export async function transcribeTrack(ctx: RecordingContext, recordingId: string, attempt: Attempt = { retryCount: 0, lastAttempt: false }): Promise<void> {
	const row = await ctx.db
		.selectFrom('transcript_parts')
		.innerJoin('recordings', 'recordings.id', 'transcript_parts.recording_id')
		.innerJoin('recording_runs', 'recording_runs.id', 'recordings.run_id')
		.select(['transcript_parts.status', 'recordings.file_path', 'recording_runs.session_id'])
		.where('transcript_parts.recording_id', '=', recordingId)
		.executeTakeFirst();
	if (!row || row.status !== 'pending') return;

	const finish = async (values: { status: 'done' | 'failed'; segments?: unknown; error?: string }) => {
		await ctx.db
			.updateTable('transcript_parts')
			.set({ status: values.status, segments: values.segments ? JSON.stringify(values.segments) : undefined, error: values.error ?? null, updated_at: new Date() })
			.where('recording_id', '=', recordingId)
			.where('status', '=', 'pending')
			.execute();
		await ctx.jobs.enqueue('transcript.merge', { sessionId: row.session_id });
	};

	let audio: Buffer;
	try {
		audio = await readFile(row.file_path);
	} catch {
		return finish({ status: 'failed', error: 'The recording file is missing.' });
	}
	if (audio.length === 0) return finish({ status: 'failed', error: 'The recording is empty.' });
	const probe = await probeAudio(row.file_path);
	if (!probe.ok) return finish({ status: 'failed', error: `The recording is damaged and cannot be read (${probe.reason}).` });

	try {
		const result = await ctx.whisper.transcribe({ data: new Uint8Array(audio), filename: 'speaker.ogg', contentType: 'audio/ogg' });
		await finish({ status: 'done', segments: result.segments });
	} catch (err) {
		if (err instanceof WhisperRejectedError) return finish({ status: 'failed', error: `Whisper could not read this audio: ${err.message}` });
		if (attempt.lastAttempt) {
			// The dead state: no more retries; the speaker is marked failed with the reason, and
			// the rest of the transcript completes without them.
			return finish({ status: 'failed', error: `Transcription gave up after ${attempt.retryCount + 1} attempts: ${(err as Error).message}` });
		}
		if (err instanceof WhisperUnavailableError) {
			await setTranscriptStatus(ctx.db, row.session_id, 'waiting', 'Waiting for the transcription service…');
		}
		throw err; // retried with backoff
	}
}
