import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

/**
 * A node-postgres pool that survives a PostgreSQL restart: an idle client whose connection
 * dies emits `error` on the pool, which would crash the process without a listener. The
 * pool drops that client and opens a new one on the next query.
 */
export function createPool(connectionString: string, max: number): pg.Pool {
	const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
	pool.on('error', (err) => console.warn(`postgres: idle connection lost (${err.message}); reconnecting on next use`));
	return pool;
}

/** Opens a Kysely handle on a PostgreSQL URL. Callers own its lifetime (`destroy()`). */
export function createDb(connectionString: string, max = 10): Kysely<Database> {
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool(connectionString, max) }) });
}

export type Db = Kysely<Database>;
