import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// The host can make the board view-only for everyone else.
	await db.schema.alterTable('rooms').addColumn('whiteboard_view_only', 'boolean', (c) => c.notNull().defaultTo(false)).execute();

	// A meeting's board: a compacted Yjs state, plus the updates received since (appended in
	// order, folded into the state when they pile up).
	await db.schema
		.createTable('whiteboards')
		.addColumn('session_id', 'uuid', (c) => c.primaryKey().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('state', 'bytea', (c) => c.notNull())
		.addColumn('state_bytes', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('shapes', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createTable('whiteboard_updates')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('participant_id', 'uuid', (c) => c.references('participants.id').onDelete('set null'))
		.addColumn('update', 'bytea', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('whiteboard_updates_session').on('whiteboard_updates').columns(['session_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('whiteboard_updates').execute();
	await db.schema.dropTable('whiteboards').execute();
	await db.schema.alterTable('rooms').dropColumn('whiteboard_view_only').execute();
}
