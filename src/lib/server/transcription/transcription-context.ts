import type { Db } from '../db';
import type { JobQueue } from '../jobs/queue';
import type { WhisperClient } from './whisper-client';

/** What the transcription jobs need: the database, the queue, and the Whisper service. */
export interface TranscriptionContext {
	db: Db;
	jobs: JobQueue;
	whisper: WhisperClient;
}
