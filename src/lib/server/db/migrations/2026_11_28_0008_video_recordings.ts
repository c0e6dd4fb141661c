import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// What a recording holds: a microphone (transcribed), a camera or a screen share (video, as
	// published, no re-encoding), or the room's mix. `mime_type` is the track's codec.
	await db.schema
		.alterTable('recordings')
		.addColumn('source', 'text', (c) => c.notNull().defaultTo('microphone'))
		.addColumn('mime_type', 'text')
		.execute();
	await sql`UPDATE recordings SET source = 'mix' WHERE kind = 'composite'`.execute(db);
	// Why a run stopped when nobody pressed Stop (the disk filled up).
	await db.schema.alterTable('recording_runs').addColumn('stop_reason', 'text').execute();

	// A single-file rendering of a meeting's record (the stage, with the mixed audio), made on request.
	await db.schema
		.createTable('recording_exports')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
		.addColumn('file_path', 'text')
		.addColumn('error', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('recording_exports_session').on('recording_exports').column('session_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('recording_exports').execute();
	await db.schema.alterTable('recording_runs').dropColumn('stop_reason').execute();
	await db.schema.alterTable('recordings').dropColumn('source').dropColumn('mime_type').execute();
}
