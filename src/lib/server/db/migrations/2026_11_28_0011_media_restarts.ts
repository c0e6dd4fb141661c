import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// The room of a live recording was re-created on another media node (its node died): the
	// audio lost in between is marked in the transcript. gap_start/gap_end are worked out from
	// the recordings once the run has stopped.
	await db.schema
		.createTable('media_restarts')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('run_id', 'uuid', (c) => c.notNull().references('recording_runs.id').onDelete('cascade'))
		.addColumn('restarted_at', 'timestamptz', (c) => c.notNull())
		.addColumn('gap_start', 'timestamptz')
		.addColumn('gap_end', 'timestamptz')
		.execute();
	await db.schema.createIndex('media_restarts_run').on('media_restarts').column('run_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('media_restarts').execute();
}
