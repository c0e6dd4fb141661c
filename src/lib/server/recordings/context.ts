import { appContext } from '../context';
import { env } from '../env';
import type { JobQueue } from '../jobs/queue';
import { createWhisperClient } from '../transcription/whisper-client';
import { egressApi } from './egress';
import type { RecordingContext } from './recording-context';

let jobQueue: JobQueue | undefined;

/** Called once by hooks.server init, when the job runner has started. */
export function useJobQueue(queue: JobQueue): void {
	jobQueue = queue;
}

/** The recording pipeline's context for this process. */
export function recordingContext(queue: JobQueue | undefined = jobQueue): RecordingContext {
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
		compositeVideo: config.RECORDING_COMPOSITE === 'video'
	};
}
