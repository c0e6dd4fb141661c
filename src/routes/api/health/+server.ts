import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { db } from '#lib/server/db/client';

export async function GET() {
	await sql`select 1`.execute(db());
	return json({ ok: true });
}
