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
		chat: make('chat')
	};
}
