import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// A recorder that refused a track (busy) or never got its first frame is asked again: how
	// many times it was asked, and when last.
	await db.schema
		.alterTable('recordings')
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('attempted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('recordings').dropColumn('attempts').dropColumn('attempted_at').execute();
}
