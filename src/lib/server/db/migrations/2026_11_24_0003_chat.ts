import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// The identity column is the server sequence: it orders a session's chat and dedupes it.
	await db.schema
		.createTable('chat_messages')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('participant_id', 'uuid', (c) => c.notNull().references('participants.id').onDelete('cascade'))
		.addColumn('sender_identity', 'text', (c) => c.notNull())
		.addColumn('sender_name', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		// The browser's idempotency key: a resend after a reconnect finds the stored message.
		.addColumn('client_id', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('chat_messages_one_per_client_id', ['participant_id', 'client_id'])
		.execute();
	await db.schema.createIndex('chat_messages_session_seq').on('chat_messages').columns(['session_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('chat_messages').execute();
}
