import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb } from '../../src/lib/server/db';
import { env } from '../../src/lib/server/env';

/** The app's own database (the tests use stoom_test beside it). */
const appDb = createDb(env().DATABASE_URL.replace(/\/stoom_test$/, '/stoom'), 1);
afterAll(() => appDb.destroy());

describe('the native stack ./stoom runs', () => {
	it('keeps PostgreSQL durable for the app: fsync and synchronous commit on', async () => {
		const setting = async (name: string) => (await sql<{ v: string }>`SELECT current_setting(${name}) AS v`.execute(appDb)).rows[0]!.v;
		expect(await setting('fsync')).toBe('on');
		expect(await setting('full_page_writes')).toBe('on');
		expect(await setting('synchronous_commit')).toBe('on');
	});

	it('runs Redis with a password: a client without it is refused', () => {
		const port = process.env.REDIS_PORT ?? '56379';
		const anonymous = spawnSync('redis-cli', ['-p', port, 'ping'], { encoding: 'utf8', env: { ...process.env, REDISCLI_AUTH: '' } });
		expect(`${anonymous.stdout}${anonymous.stderr}`).toMatch(/NOAUTH/);
		const authed = spawnSync('redis-cli', ['-p', port, 'ping'], { encoding: 'utf8', env: { ...process.env, REDISCLI_AUTH: process.env.REDIS_PASSWORD } });
		expect(authed.stdout.trim()).toBe('PONG');
	});
});
