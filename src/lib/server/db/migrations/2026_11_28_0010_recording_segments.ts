import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// A recorder that died (its Egress worker or its media node) leaves what it wrote; the
	// same track goes on in a new segment. One row per track and segment.
	await db.schema.alterTable('recordings').addColumn('segment', 'integer', (c) => c.notNull().defaultTo(1)).execute();
	await sql`DROP INDEX recordings_one_per_track`.execute(db);
	await sql`CREATE UNIQUE INDEX recordings_one_per_track_segment ON recordings (run_id, track_sid, segment) WHERE track_sid IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP INDEX recordings_one_per_track_segment`.execute(db);
	await db.schema.alterTable('recordings').dropColumn('segment').execute();
	await sql`CREATE UNIQUE INDEX recordings_one_per_track ON recordings (run_id, track_sid) WHERE track_sid IS NOT NULL`.execute(db);
}
