import type pg from 'pg';
import type { RateLimitSetting } from '../env';
import { createLimiter, type Limiter } from './limiter';

/** Every limit the app enforces; see RATE_LIMIT_* in .env.example. */
export interface Limits {
	createRoom: Limiter;
	join: Limiter;
	token: Limiter;
	passwordClient: Limiter;
	passwordRoom: Limiter;
	chat: Limiter;
	/** Chat messages per client address (a new participant is one join away). */
	chatClient: Limiter;
	/** Knocks per room and client address, and per room. */
	knockClient: Limiter;
	knockRoom: Limiter;
	/** Spent when a host declines a knock, checked when that browser knocks again: a declined guest waits. */
	knockDenied: Limiter;
	/** Board changes per participant: requests, and bytes. */
	whiteboard: Limiter;
	whiteboardBytes: Limiter;
	/** Hands raised or lowered per participant. */
	hands: Limiter;
	/** Reactions per participant. */
	reactions: Limiter;
	/** Ask your meetings: questions per client address (each one runs the insights engine). */
	ask: Limiter;
}

export type LimitSettings = Record<keyof Limits, RateLimitSetting>;

export function createLimits(pool: pg.Pool, settings: LimitSettings): Limits {
	const make = (prefix: keyof Limits) => createLimiter(pool, { prefix, points: settings[prefix].points, seconds: settings[prefix].seconds });
	return {
		createRoom: make('createRoom'),
		join: make('join'),
		token: make('token'),
		passwordClient: make('passwordClient'),
		passwordRoom: make('passwordRoom'),
		chat: make('chat'),
		chatClient: make('chatClient'),
		knockClient: make('knockClient'),
		knockRoom: make('knockRoom'),
		knockDenied: make('knockDenied'),
		whiteboard: make('whiteboard'),
		whiteboardBytes: make('whiteboardBytes'),
		hands: make('hands'),
		reactions: make('reactions'),
		ask: make('ask')
	};
}
