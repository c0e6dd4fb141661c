import type { AppContext } from '../app-context';
import type { JobQueue } from '../jobs/queue';
import type { EgressApi } from '../livekit/egress';

/** What recording needs beyond the app context: the recorder, the job queue, where files go. */
export interface RecordingContext extends AppContext {
	egress: EgressApi;
	jobs: JobQueue;
	recordingsPath: string;
	/** Record the room mix as video (needs the official Egress image) or audio only. */
	compositeVideo: boolean;
	/** Record cameras and screen shares as well as microphones. */
	recordVideo: boolean;
	/** Below this many free bytes where recordings go, recording stops (and does not start). */
	minFreeBytes: number;
	/** Recordings older than this many days are deleted; 0 keeps them. */
	retentionDays: number;
}
