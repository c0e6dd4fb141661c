import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// Where the session's insights are, beside its transcript status: what the record page and
	// the in-call panel show while the pipeline works.
	await db.schema
		.alterTable('meeting_sessions')
		.addColumn('insights_status', 'text', (c) => c.notNull().defaultTo('none'))
		.addColumn('insights_detail', 'text')
		.execute();

	// One set of insights per (session, transcript, prompt version, engine, model): a repeat of
	// the same request finds the stored result instead of asking the engine again.
	await db.schema
		.createTable('meeting_insights')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('transcript_hash', 'text', (c) => c.notNull())
		.addColumn('prompt_version', 'text', (c) => c.notNull())
		.addColumn('engine', 'text', (c) => c.notNull())
		.addColumn('model', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('insights', 'jsonb')
		.addColumn('dropped', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('citations_written', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('citations_kept', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('usage', 'jsonb')
		.addColumn('error', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('meeting_insights_one_per_key', ['session_id', 'transcript_hash', 'prompt_version', 'engine', 'model'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('meeting_insights').execute();
	await db.schema.alterTable('meeting_sessions').dropColumn('insights_status').dropColumn('insights_detail').execute();
}
