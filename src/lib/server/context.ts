import type { RoomServiceClient } from 'livekit-server-sdk';
import { db } from './db/client';
import type { Db } from './db';
import { env, type Env } from './env';
import { livekitRooms } from './livekit/clients';

/** What services need from the outside world; tests build one over their own database. */
export interface AppContext {
	db: Db;
	livekit: RoomServiceClient;
	config: Pick<Env, 'LIVEKIT_API_KEY' | 'LIVEKIT_API_SECRET' | 'LIVEKIT_WS_URL' | 'LIVEKIT_TOKEN_TTL_SECONDS'>;
}

export function appContext(): AppContext {
	return { db: db(), livekit: livekitRooms(), config: env() };
}
