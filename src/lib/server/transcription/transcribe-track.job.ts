import { readFile } from 'node:fs/promises';
import type { Attempt } from '../jobs/runner';
import { setTranscriptStage } from '../meetings/record-stage';
import { AUTO_LANGUAGE } from '../../transcript/languages';
import { sessionSpokenLanguage } from '../rooms/room.repository';
import { probeAudio } from './probe-audio';
import { countAttempt, pendingPartWork, settlePart } from './transcript-parts.repository';
import type { TranscriptionContext } from './transcription-context';
import { WhisperRejectedError, WhisperUnavailableError } from './whisper-client';

/**
 * Sends one speaker's recording to Whisper and stores the segments. Idempotent: a part that
 * is already done or failed is left alone, so a retried or duplicated job adds nothing.
 * Messages stored on the part are for participants; the service's own words go to the log.
 */
export async function transcribeTrack(ctx: TranscriptionContext, recordingId: string, attempt: Attempt = { retryCount: 0, lastAttempt: false }): Promise<void> {
	const work = await pendingPartWork(ctx.db, recordingId);
	if (!work || work.status !== 'pending') return;

	const finish = async (values: { status: 'done' | 'failed'; segments?: unknown; error?: string }) => {
		await settlePart(ctx.db, recordingId, values);
		await ctx.jobs.enqueue('transcript.merge', { sessionId: work.session_id });
	};

	let audio: Buffer;
	try {
		audio = await readFile(work.file_path);
	} catch {
		return finish({ status: 'failed', error: 'The recording file is missing.' });
	}
	if (audio.length === 0) return finish({ status: 'failed', error: 'The recording is empty.' });
	const probe = await probeAudio(work.file_path);
	if (!probe.ok) return finish({ status: 'failed', error: `The recording is damaged and cannot be read (${probe.reason}).` });

	try {
		await countAttempt(ctx.db, recordingId);
		const setting = await sessionSpokenLanguage(ctx.db, work.session_id);
		const result = await ctx.whisper.transcribe(
			{ data: new Uint8Array(audio), filename: 'speaker.ogg', contentType: 'audio/ogg' },
			// The room's own language, or detection; a room without one follows the server's.
			setting === null ? {} : { language: setting === AUTO_LANGUAGE ? null : setting }
		);
		await finish({ status: 'done', segments: result.segments });
	} catch (err) {
		console.error(`transcription of ${recordingId} (attempt ${attempt.retryCount + 1}):`, (err as Error).message);
		if (err instanceof WhisperRejectedError) return finish({ status: 'failed', error: 'The transcription service could not read this audio.' });
		if (attempt.lastAttempt) {
			// The dead state: no more retries; the speaker is marked failed with the reason, and
			// the rest of the transcript completes without them.
			return finish({ status: 'failed', error: `Transcription gave up after ${attempt.retryCount + 1} attempts: the transcription service did not answer.` });
		}
		if (err instanceof WhisperUnavailableError) {
			await setTranscriptStage(ctx, work.session_id, 'waiting', 'Waiting for the transcription service…');
		}
		throw err; // retried with backoff
	}
}
