import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// The meeting memory's search index: one row per passage of a meeting (a stretch of one
	// speaker's transcript, a chat message, an insight, a board text), rebuilt per session.
	// `config` is the text-search configuration of the meeting's language (english, french,
	// german, spanish or simple); `tsv` is derived from it: the text, and the speaker's name
	// word for word at a lower weight (a name finds what that person said).
	// `at`: seconds since the meeting started (where the record page seeks).
	await db.schema
		.createTable('memory_passages')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('transcript', 'chat', 'insight', 'board')`))
		.addColumn('speaker', 'text')
		.addColumn('at', 'real', (c) => c.notNull().defaultTo(0))
		.addColumn('ref', 'text')
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('config', sql`regconfig`, (c) => c.notNull().defaultTo(sql`'simple'::regconfig`))
		.addColumn('tsv', sql`tsvector`, (c) =>
			c.generatedAlwaysAs(sql`setweight(to_tsvector(config, text), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce(speaker, '')), 'D')`).stored()
		)
		.execute();
	await db.schema.createIndex('memory_passages_session').on('memory_passages').column('session_id').execute();
	await sql`create index memory_passages_tsv on memory_passages using gin (tsv)`.execute(db);

	// Which sessions have been indexed (and when): a meeting held before search existed, or
	// whose index job was lost, is found here and indexed by the reconciliation.
	await db.schema
		.createTable('memory_indexed_sessions')
		.addColumn('session_id', 'uuid', (c) => c.primaryKey().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('indexed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}
