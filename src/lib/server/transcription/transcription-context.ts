import type { RoomServiceClient } from 'livekit-server-sdk';
import type { Db } from '../db';
import type { JobQueue } from '../jobs/queue';
import type { WhisperClient } from './whisper-client';

/** What the transcription jobs need: the database, the queue, the Whisper service, and the room to tell. */
export interface TranscriptionContext {
	db: Db;
	livekit: RoomServiceClient;
	jobs: JobQueue;
	whisper: WhisperClient;
}
