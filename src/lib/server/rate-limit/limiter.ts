import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** An allowance per key, kept in PostgreSQL so every app process counts against the same one. */
export interface Limiter {
	/** Spends `points` (one by default) of the key's allowance. */
	consume(key: string, points?: number): Promise<RateDecision>;
	/** Whether the key's allowance is spent, without spending anything. */
	check(key: string): Promise<RateDecision>;
	/** Gives the key its whole allowance back. */
	reset(key: string): Promise<void>;
}

export interface LimitOptions {
	/** Separates this limit's keys from every other limit's. */
	prefix: string;
	/** Points allowed per window. */
	points: number;
	/** Window length in seconds, counted from the first point spent in it. */
	seconds: number;
}

const TABLE = 'rate_limits';
const UNDEFINED_TABLE = '42P01';

/**
 * A limiter on the given pool. The library creates its table with CREATE TABLE IF NOT
 * EXISTS (and tolerates a concurrent creation), so a restart against an existing table is
 * fine; a table dropped under us (a test database reset) is created again.
 */
export function createLimiter(pool: pg.Pool, { prefix, points, seconds }: LimitOptions): Limiter {
	let ready: Promise<RateLimiterPostgres> | undefined;
	// The window's size is part of the prefix: two processes configured differently never share counters.
	const keyPrefix = `${prefix}:${points}/${seconds}`;
	const limiter = () =>
		(ready ??= new Promise<RateLimiterPostgres>((resolve, reject) => {
			const created: RateLimiterPostgres = new RateLimiterPostgres(
				{ storeClient: pool, storeType: 'pool', tableName: TABLE, keyPrefix, points, duration: seconds },
				(err) => (err ? reject(err) : resolve(created))
			);
		}).catch((err: unknown) => {
			ready = undefined;
			throw err;
		}));

	async function withTable<T>(action: (l: RateLimiterPostgres) => Promise<T>, retried = false): Promise<T> {
		try {
			return await action(await limiter());
		} catch (err) {
			if ((err as { code?: string }).code === UNDEFINED_TABLE && !retried) {
				ready = undefined;
				return withTable(action, true);
			}
			throw err;
		}
	}

	return {
		async consume(key, spent = 1) {
			try {
				await withTable((l) => l.consume(key, spent));
				return { ok: true };
			} catch (rejection) {
				// The library rejects with a RateLimiterRes when the allowance is spent, with an Error when the store fails.
				if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterMs: Math.max(rejection.msBeforeNext, 1) };
				throw rejection;
			}
		},
		async check(key) {
			const res = await withTable((l) => l.get(key));
			if (res && res.consumedPoints >= points) return { ok: false, retryAfterMs: Math.max(res.msBeforeNext, 1) };
			return { ok: true };
		},
		async reset(key) {
			await withTable((l) => l.delete(key));
		}
	};
}

/** Whole seconds for a Retry-After header. */
export function retryAfterSeconds(decision: { retryAfterMs: number }): number {
	return Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
}

/** The refusal a spent allowance makes: `rate_limited`, with the seconds to wait (for a Retry-After). */
export function rateLimited(decision: { retryAfterMs: number }): { ok: false; reason: 'rate_limited'; retryAfterSeconds: number } {
	return { ok: false, reason: 'rate_limited', retryAfterSeconds: retryAfterSeconds(decision) };
}
