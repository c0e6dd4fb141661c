import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// Live captions for the room's meetings (the transcriber is dispatched while on).
	await db.schema.alterTable('rooms').addColumn('captions', 'boolean', (c) => c.notNull().defaultTo(true)).execute();
	// Since when the host keeps this meeting's captions as its transcript (null: not asked; a
	// recording keeps them too). transcript_source: 'live' (the captions) or 'offline' (the
	// Whisper pass over the recordings), null while there is no transcript.
	await db.schema
		.alterTable('meeting_sessions')
		.addColumn('transcribing_at', 'timestamptz')
		.addColumn('transcript_source', 'text')
		.execute();

	// The transcriber's final segments, as they arrive: the meeting's live transcript.
	await db.schema
		.createTable('live_segments')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('segment_id', 'text', (c) => c.notNull())
		.addColumn('participant_identity', 'text', (c) => c.notNull())
		.addColumn('speaker_name', 'text', (c) => c.notNull())
		.addColumn('track_sid', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('language', 'text')
		.addColumn('started_at', 'timestamptz', (c) => c.notNull())
		.addColumn('ended_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('live_segments_once', ['session_id', 'segment_id'])
		.execute();

	// The rolling notes: each refresh writes notes on the lines that arrived since the last one
	// (the part) and combines them with the notes so far (the summary). `lines_upto`/`chat_upto`:
	// how many live lines and chat messages (in arrival order) the summary covers.
	await db.schema
		.createTable('live_notes')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('lines_upto', 'integer', (c) => c.notNull())
		.addColumn('chat_upto', 'integer', (c) => c.notNull())
		.addColumn('part', 'jsonb', (c) => c.notNull())
		.addColumn('summary', 'jsonb', (c) => c.notNull())
		.addColumn('engine', 'text', (c) => c.notNull())
		.addColumn('model', 'text', (c) => c.notNull())
		.addColumn('ms', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('live_notes_once', ['session_id', 'lines_upto', 'chat_upto'])
		.execute();
}
