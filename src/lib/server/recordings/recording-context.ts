import type { AppContext } from '../context';
import type { JobQueue } from '../jobs/queue';
import type { WhisperClient } from '../transcription/whisper-client';
import type { EgressApi } from './egress';

/** What the recording pipeline needs beyond the app context. */
export interface RecordingContext extends AppContext {
	egress: EgressApi;
	jobs: JobQueue;
	whisper: WhisperClient;
	recordingsPath: string;
	/** Record the room mix as video (needs the official Egress image) or audio only. */
	compositeVideo: boolean;
}
