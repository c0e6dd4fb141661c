import type { RoomServiceClient } from 'livekit-server-sdk';
import type { Db } from '../db';
import type { InsightsEngine } from './engines/engine';

/** What writing insights needs: the database, the room to tell, and the configured engine (null: off). */
export interface InsightsContext {
	db: Db;
	livekit: RoomServiceClient;
	insights: { engine: InsightsEngine | null; maxOutputTokens: number };
}
