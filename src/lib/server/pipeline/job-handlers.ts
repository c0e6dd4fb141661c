import { exportRecording } from '../exports/export-recording.job';
import type { JobQueue } from '../jobs/queue';
import type { JobHandlers } from '../jobs/runner';
import { deliverWebhook } from '../item-webhooks/deliver-webhook.job';
import { finishLiveTranscript, writeMeetingInsights } from '../live/live-record.job';
import { refreshLiveNotes } from '../live/live-notes.job';
import { indexMemory } from '../memory/index.job';
import { syncSessionItems } from '../items/sync-items.job';
import { joinSessionMix } from './join-mix.job';
import { retryStop, watchRecording } from '../recordings/recording.service';
import { mergeTranscript } from '../transcription/merge-transcript.job';
import { transcribeTrack } from '../transcription/transcribe-track.job';
import { finalizeRecording } from './finalize-recording.job';
import type { PipelineContext } from './pipeline-context';
import { reconcile } from './reconcile.job';

/** What each job of the pipeline does, over one context made with the runner's queue. */
export function jobHandlers(makeContext: (queue: JobQueue) => PipelineContext): (queue: JobQueue) => JobHandlers {
	return (queue) => {
		const ctx = makeContext(queue);
		return {
			'recording.stop': ({ runId }) => retryStop(ctx, runId),
			'recording.finalize': ({ runId }) => finalizeRecording(ctx, runId),
			'recording.watch': ({ recordingId, attempt }) => watchRecording(ctx, recordingId, attempt),
			'transcript.track': ({ recordingId }, attempt) => transcribeTrack(ctx, recordingId, attempt),
			'transcript.merge': ({ sessionId }) => mergeTranscript(ctx, sessionId),
			'insights.generate': ({ sessionId, force }, attempt) => writeMeetingInsights(ctx, sessionId, attempt, { force }),
			'recording.export': ({ exportId }, attempt) => exportRecording(ctx, exportId, attempt),
			'recording.join-mix': ({ sessionId }) => joinSessionMix(ctx, sessionId),
			'pipeline.reconcile': () => reconcile(ctx),
			'transcript.live': ({ sessionId }) => finishLiveTranscript(ctx, sessionId),
			'notes.refresh': ({ sessionId }) => refreshLiveNotes(ctx, sessionId),
			'memory.index': ({ sessionId }) => indexMemory(ctx, sessionId),
			'webhook.deliver': ({ deliveryId }, attempt) => deliverWebhook(ctx, deliveryId, attempt),
			'items.sync': async ({ sessionId }) => void (await syncSessionItems(ctx, sessionId))
		};
	};
}
