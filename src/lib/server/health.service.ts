import { sql } from 'kysely';
import { db } from './db/client';

/** The app answers, and its database does. */
export async function health(): Promise<{ ok: true }> {
	await sql`select 1`.execute(db());
	return { ok: true };
}
