import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** Spends one message of a sender's allowance. */
export interface ChatRateLimiter {
	consume(key: string): Promise<RateDecision>;
}

export interface ChatRateLimitOptions {
	/** Messages allowed per window. */
	points?: number;
	/** Window length in seconds, counted from the first message in it. */
	duration?: number;
}

const TABLE = 'chat_rate_limits';
const UNDEFINED_TABLE = '42P01';

/**
 * A per-sender limit kept in PostgreSQL, so every app process counts against the same
 * allowance. The library creates its table with CREATE TABLE IF NOT EXISTS (and tolerates a
 * concurrent creation), so a restart against an existing table is fine.
 */
export function createChatRateLimiter(pool: pg.Pool, { points = 10, duration = 10 }: ChatRateLimitOptions = {}): ChatRateLimiter {
	let ready: Promise<RateLimiterPostgres> | undefined;
	const limiter = () =>
		(ready ??= new Promise<RateLimiterPostgres>((resolve, reject) => {
			const created: RateLimiterPostgres = new RateLimiterPostgres(
				{ storeClient: pool, storeType: 'pool', tableName: TABLE, keyPrefix: 'chat', points, duration },
				(err) => (err ? reject(err) : resolve(created))
			);
		}).catch((err: unknown) => {
			ready = undefined; // try to create the table again on the next message
			throw err;
		}));

	async function consume(key: string, retried = false): Promise<RateDecision> {
		try {
			await (await limiter()).consume(key);
			return { ok: true };
		} catch (rejection) {
			// The library rejects with a RateLimiterRes when the allowance is spent, with an Error when the store fails.
			if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterMs: Math.max(rejection.msBeforeNext, 1) };
			if ((rejection as { code?: string }).code === UNDEFINED_TABLE && !retried) {
				ready = undefined; // the table went away under us (a database reset): create it again
				return consume(key, true);
			}
			throw rejection;
		}
	}
	return { consume: (key) => consume(key) };
}

/** A small pool of its own: the limiter speaks node-postgres directly, not through Kysely. */
export function createRateLimitPool(connectionString: string): pg.Pool {
	return new pg.Pool({ connectionString, max: 2 });
}
