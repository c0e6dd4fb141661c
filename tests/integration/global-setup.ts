import { sql } from 'kysely';
import { createDb } from '../../src/lib/server/db';
import { migrateToLatest } from '../../src/lib/server/db/migrate';

/** Starts every integration run from an empty, freshly migrated test database. */
export default async function setup() {
	const url = process.env.DATABASE_URL;
	if (!url?.includes('test')) throw new Error(`Refusing to reset a database that is not a test database: ${url}`);
	const db = createDb(url, 1);
	try {
		await sql`DROP SCHEMA IF EXISTS pgboss CASCADE`.execute(db);
		await sql`DROP SCHEMA public CASCADE`.execute(db);
		await sql`CREATE SCHEMA public`.execute(db);
		await migrateToLatest(db);
	} finally {
		await db.destroy();
	}
}
