import { appContext } from '../app-context';
import { env } from '../env';
import type { InsightsEngine } from '../insights/engines/engine';
import { selectEngine } from '../insights/engines/select-engine';
import type { InsightsContext } from '../insights/insights-context';
import type { JobQueue } from '../jobs/queue';
import { egressApi } from '../livekit/egress';
import type { RecordingContext } from '../recordings/recording-context';
import type { TranscriptionContext } from '../transcription/transcription-context';
import { createWhisperClient } from '../transcription/whisper-client';

/** Everything the recording → transcript → insights pipeline touches: recorder, queue, Whisper, the insights engine. */
export interface PipelineContext extends RecordingContext, TranscriptionContext, InsightsContext {}

let jobQueue: JobQueue | undefined;
let engine: InsightsEngine | null | undefined;

/** Called once by hooks.server init, when the job runner has started. */
export function useJobQueue(queue: JobQueue): void {
	jobQueue = queue;
}

/** The insights engine this process is configured with; null when insights are off. */
export function insightsEngine(): InsightsEngine | null {
	return (engine ??= selectEngine(env()));
}

/** The pipeline's context for this process. */
export function pipelineContext(queue: JobQueue | undefined = jobQueue): PipelineContext {
	if (!queue) throw new Error('The job runner has not started');
	const config = env();
	return {
		...appContext(),
		egress: egressApi(),
		jobs: queue,
		whisper: createWhisperClient({
			url: config.WHISPER_API_URL,
			flavour: config.WHISPER_FLAVOUR,
			model: config.WHISPER_MODEL,
			language: config.WHISPER_LANGUAGE || undefined,
			timeoutMs: 15 * 60_000,
			vadFilter: true
		}),
		recordingsPath: config.RECORDINGS_STORAGE_PATH,
		compositeVideo: config.RECORDING_COMPOSITE === 'video',
		recordVideo: config.RECORDING_VIDEO,
		minFreeBytes: config.RECORDINGS_MIN_FREE_MB * 1024 * 1024,
		retentionDays: config.RECORDINGS_RETENTION_DAYS,
		insights: { engine: insightsEngine(), maxOutputTokens: config.INSIGHTS_MAX_OUTPUT_TOKENS, defaultLanguage: config.WHISPER_LANGUAGE }
	};
}
