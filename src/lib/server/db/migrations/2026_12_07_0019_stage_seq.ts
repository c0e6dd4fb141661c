import type { Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// Counts a session's record-stage changes. Each announcement to the room carries it, so a
	// browser keeps the newest of two announcements that arrive out of order (two jobs read and
	// send their stage concurrently) and knows whether the record it read is newer still.
	await db.schema.alterTable('meeting_sessions').addColumn('stage_seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('meeting_sessions').dropColumn('stage_seq').execute();
}
