import type { SpeechSegment } from '../../transcript/types';
import { offlineReplacesLive } from '../../transcript/live';
import { mergeSpeakerTranscripts } from '../../transcript/merge';
import { LIVE_KEPT, setOfflineTranscriptStage, setTranscriptStage } from '../meetings/record-stage';
import { sessionLiveSegments } from '../meetings/live-segments.repository';
import { findSessionById, saveTranscript } from '../meetings/session.repository';
import { finishSessionRuns, sessionRecordings } from '../recordings/recording.repository';
import { transcriptOrigin } from './transcript-origin';
import { partsOf } from './transcript-parts.repository';
import { queueInsights } from '../meetings/queue-insights';
import type { TranscriptionContext } from './transcription-context';

/**
 * Merges every finished speaker part of a session into MeetingSession.transcript, by
 * wall-clock time. Runs after each part; only writes once none is pending. Deterministic,
 * so running it twice gives the same transcript (no duplicates). A session that already shows
 * its live transcript keeps showing it meanwhile, and keeps it unless the offline one is at
 * least as complete (offlineReplacesLive); insights cite by time, so they stay valid.
 */
export async function mergeTranscript(ctx: TranscriptionContext, sessionId: string): Promise<void> {
	const recordings = await sessionRecordings(ctx.db, sessionId);
	const tracks = recordings.filter((r) => r.kind === 'track');
	const byRecording = new Map((await partsOf(ctx.db, tracks.map((t) => t.id))).map((p) => [p.recording_id, p]));
	const settled = (id: string) => ['done', 'failed'].includes(byRecording.get(id)?.status ?? 'pending');
	const pending = tracks.filter((t) => !settled(t.id));
	if (pending.length) {
		const done = tracks.length - pending.length;
		await setOfflineTranscriptStage(ctx, sessionId, 'transcribing', `Transcribing ${done} of ${tracks.length} speakers…`);
		return;
	}

	await setOfflineTranscriptStage(ctx, sessionId, 'merging', 'Merging speakers…');
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
	if ((await findSessionById(ctx.db, sessionId))?.transcript_source === 'live') {
		const live = (await sessionLiveSegments(ctx.db, sessionId)).map((s) => ({ participantIdentity: s.participant_identity, startedAtMs: s.started_at.getTime() }));
		const recorded = tracks.map((t) => ({
			participantIdentity: t.participant_identity ?? '',
			startedAtMs: t.started_at?.getTime() ?? null,
			endedAtMs: t.ended_at?.getTime() ?? null,
			transcribed: byRecording.get(t.id)?.status ?? 'pending'
		}));
		if (!offlineReplacesLive(live, recorded, transcript.length)) {
			await finishSessionRuns(ctx.db, sessionId);
			await setTranscriptStage(ctx, sessionId, 'ready', LIVE_KEPT);
			return;
		}
	}
	await saveTranscript(ctx.db, sessionId, transcript, 'offline');
	await finishSessionRuns(ctx.db, sessionId);
	const status = failed === tracks.length && tracks.length > 0 ? 'failed' : 'ready';
	await setTranscriptStage(ctx, sessionId, status, failed ? `${failed} of ${tracks.length} speakers could not be transcribed.` : null);
	// The transcript is final: insights are their own job, and never hold it back.
	if (status === 'ready' && transcript.length) await queueInsights(ctx, sessionId);
	if (transcript.length) await ctx.jobs.enqueue('memory.index', { sessionId });
}
