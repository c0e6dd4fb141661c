import type { RoomServiceClient } from 'livekit-server-sdk';
import { db } from './db/client';
import type { Db } from './db';
import { createPool } from './db';
import { env, type Env } from './env';
import { livekitRooms } from './livekit/clients';
import { createLimits, type Limits } from './rate-limit/limits';

/** What services need from the outside world; tests build one over their own database. */
export interface AppContext {
	db: Db;
	livekit: RoomServiceClient;
	limits: Limits;
	config: Pick<Env, 'LIVEKIT_API_KEY' | 'LIVEKIT_API_SECRET' | 'LIVEKIT_WS_URL' | 'LIVEKIT_TOKEN_TTL_SECONDS'>;
}

let limits: Limits | undefined;

/** This process's context. The limiters' state lives in PostgreSQL, shared by every app process. */
export function appContext(): AppContext {
	const config = env();
	limits ??= createLimits(createPool(config.DATABASE_URL, 4), {
		createRoom: config.RATE_LIMIT_CREATE_ROOM,
		join: config.RATE_LIMIT_JOIN,
		token: config.RATE_LIMIT_TOKEN,
		passwordClient: config.RATE_LIMIT_PASSWORD_CLIENT,
		passwordRoom: config.RATE_LIMIT_PASSWORD_ROOM,
		chat: config.RATE_LIMIT_CHAT,
		chatClient: config.RATE_LIMIT_CHAT_CLIENT,
		knockClient: config.RATE_LIMIT_KNOCK_CLIENT,
		knockRoom: config.RATE_LIMIT_KNOCK_ROOM,
		knockDenied: config.RATE_LIMIT_KNOCK_DENIED,
		whiteboard: config.RATE_LIMIT_WHITEBOARD,
		whiteboardBytes: config.RATE_LIMIT_WHITEBOARD_BYTES,
		hands: config.RATE_LIMIT_HANDS,
		reactions: config.RATE_LIMIT_REACTIONS,
		ask: config.RATE_LIMIT_ASK
	});
	return { db: db(), livekit: livekitRooms(), limits, config };
}
