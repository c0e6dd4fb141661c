import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// One "record" press of the host: from start to stop.
	await db.schema
		.createTable('recording_runs')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('recording'))
		.addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('stopped_at', 'timestamptz')
		.execute();
	await sql`CREATE UNIQUE INDEX recording_runs_one_live ON recording_runs (room_id) WHERE status = 'recording'`.execute(db);

	// One egress: the room composite (playback) or one participant's microphone track.
	await db.schema
		.createTable('recordings')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('run_id', 'uuid', (c) => c.notNull().references('recording_runs.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('egress_id', 'text', (c) => c.unique())
		.addColumn('participant_identity', 'text')
		.addColumn('speaker_name', 'text')
		.addColumn('track_sid', 'text')
		.addColumn('file_path', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('starting'))
		.addColumn('error', 'text')
		.addColumn('started_at', 'timestamptz')
		.addColumn('ended_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`CREATE UNIQUE INDEX recordings_one_per_track ON recordings (run_id, track_sid) WHERE track_sid IS NOT NULL`.execute(db);

	// Whisper's output for one track recording; the merge reads these.
	await db.schema
		.createTable('transcript_parts')
		.addColumn('recording_id', 'uuid', (c) => c.primaryKey().references('recordings.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('segments', 'jsonb')
		.addColumn('error', 'text')
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.alterTable('meeting_sessions')
		.addColumn('transcript_status', 'text', (c) => c.notNull().defaultTo('none'))
		.addColumn('transcript_detail', 'text')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('meeting_sessions').dropColumn('transcript_status').dropColumn('transcript_detail').execute();
	for (const table of ['transcript_parts', 'recordings', 'recording_runs']) await db.schema.dropTable(table).execute();
}
