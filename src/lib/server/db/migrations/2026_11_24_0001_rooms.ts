import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('rooms')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text')
		.addColumn('host_key_hash', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text')
		.addColumn('mute_on_join', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('camera_off_on_join', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('locked', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('max_participants', 'integer', (c) => c.notNull().defaultTo(100))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('meeting_sessions')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
		.addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('ended_at', 'timestamptz')
		.addColumn('transcript', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.execute();
	// At most one open session per room: concurrent first joins converge on one row.
	await sql`CREATE UNIQUE INDEX meeting_sessions_one_open ON meeting_sessions (room_id) WHERE ended_at IS NULL`.execute(db);

	await db.schema
		.createTable('participants')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
		.addColumn('session_id', 'uuid', (c) => c.references('meeting_sessions.id').onDelete('set null'))
		.addColumn('identity', 'text', (c) => c.notNull().unique())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('is_host', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('joined_at', 'timestamptz')
		.addColumn('left_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('participants_session').on('participants').column('session_id').execute();

	await db.schema
		.createTable('webhook_events')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('event', 'text', (c) => c.notNull())
		.addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['webhook_events', 'participants', 'meeting_sessions', 'rooms']) {
		await db.schema.dropTable(table).execute();
	}
}
