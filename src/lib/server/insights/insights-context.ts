import type { RoomServiceClient } from 'livekit-server-sdk';
import type { Db } from '../db';
import type { InsightsEngine } from './engines/engine';

/** What writing insights needs: the database, the room to tell, and the configured engine (null: off). */
export interface InsightsContext {
	db: Db;
	livekit: RoomServiceClient;
	/** defaultLanguage: the server's spoken language (WHISPER_LANGUAGE: '' detects), for rooms without their own; 'en' when left out. */
	insights: { engine: InsightsEngine | null; maxOutputTokens: number; defaultLanguage?: string };
}
