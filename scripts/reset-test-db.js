// Empties the test database before the end-to-end suite starts its app (which migrates it
// again on start): no jobs, rooms or limits left over from the integration tests run before.
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url?.includes('test')) {
	console.error(`reset-test-db: refusing to reset a database that is not a test database: ${url}`);
	process.exit(1);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
	await client.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
	await client.query('DROP SCHEMA public CASCADE');
	await client.query('CREATE SCHEMA public');
} finally {
	await client.end();
}
