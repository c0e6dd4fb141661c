import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

/** Opens a Kysely handle on a PostgreSQL URL. Callers own its lifetime (`destroy()`). */
export function createDb(connectionString: string, max = 10): Kysely<Database> {
	return new Kysely<Database>({
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max }) })
	});
}

export type Db = Kysely<Database>;
