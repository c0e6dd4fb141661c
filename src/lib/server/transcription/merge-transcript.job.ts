import type { SpeechSegment } from '../../transcript/types';
import { mergeSpeakerTranscripts } from '../../transcript/merge';
import { setTranscriptStage } from '../meetings/record-stage';
import { saveTranscript } from '../meetings/session.repository';
import { finishSessionRuns, sessionRecordings } from '../recordings/recording.repository';
import { transcriptOrigin } from './transcript-origin';
import { partsOf } from './transcript-parts.repository';
import type { TranscriptionContext } from './transcription-context';

/**
 * Merges every finished speaker part of a session into MeetingSession.transcript, by
 * wall-clock time. Runs after each part; only writes once none is pending. Deterministic,
 * so running it twice gives the same transcript (no duplicates).
 */
export async function mergeTranscript(ctx: TranscriptionContext, sessionId: string): Promise<void> {
	const recordings = await sessionRecordings(ctx.db, sessionId);
	const tracks = recordings.filter((r) => r.kind === 'track');
	const byRecording = new Map((await partsOf(ctx.db, tracks.map((t) => t.id))).map((p) => [p.recording_id, p]));
	const settled = (id: string) => ['done', 'failed'].includes(byRecording.get(id)?.status ?? 'pending');
	const pending = tracks.filter((t) => !settled(t.id));
	if (pending.length) {
		const done = tracks.length - pending.length;
		await setTranscriptStage(ctx, sessionId, 'transcribing', `Transcribing ${done} of ${tracks.length} speakers…`);
		return;
	}

	await setTranscriptStage(ctx, sessionId, 'merging', 'Merging speakers…');
	const origin = transcriptOrigin(recordings);
	const transcript = mergeSpeakerTranscripts(
		tracks
			.filter((t) => byRecording.get(t.id)?.status === 'done' && t.started_at)
			.map((t) => ({
				speaker: t.speaker_name ?? 'Unknown',
				participantIdentity: t.participant_identity ?? '',
				startedAtMs: t.started_at!.getTime(),
				segments: (byRecording.get(t.id)!.segments ?? []) as SpeechSegment[]
			})),
		origin
	);
	const failed = tracks.filter((t) => byRecording.get(t.id)?.status === 'failed').length;
	await saveTranscript(ctx.db, sessionId, transcript);
	await finishSessionRuns(ctx.db, sessionId);
	const status = failed === tracks.length && tracks.length > 0 ? 'failed' : 'ready';
	await setTranscriptStage(ctx, sessionId, status, failed ? `${failed} of ${tracks.length} speakers could not be transcribed.` : null);
	// The transcript is final: insights are their own job, and never hold it back.
	if (status === 'ready' && transcript.length) await ctx.jobs.enqueue('insights.generate', { sessionId });
}
