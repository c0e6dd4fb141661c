import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// Every hand raised in a meeting: the queue is the rows not yet lowered, in the order raised;
	// all of them are the record's timeline. `version` comes from one sequence at every change,
	// so a browser keeps the newest queue whatever order broadcasts arrive in.
	await sql`CREATE SEQUENCE raised_hands_version`.execute(db);
	await db.schema
		.createTable('raised_hands')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('participant_id', 'uuid', (c) => c.notNull().references('participants.id').onDelete('cascade'))
		.addColumn('raised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('lowered_at', 'timestamptz')
		// self, moderator (a host or co-host lowered it), spoke (lowered itself after its owner spoke), left
		.addColumn('lowered_by', 'text')
		.addColumn('version', 'bigint', (c) => c.notNull().defaultTo(sql`nextval('raised_hands_version')`))
		.execute();
	// One raised hand per participant at a time: raising twice keeps the first place.
	await db.schema
		.createIndex('raised_hands_one_up')
		.on('raised_hands')
		.columns(['session_id', 'participant_id'])
		.unique()
		.where(sql.ref('lowered_at'), 'is', null)
		.execute();

	// Hosts may turn reactions off for the room; the server refuses them then.
	await db.schema.alterTable('rooms').addColumn('reactions', 'boolean', (c) => c.notNull().defaultTo(true)).execute();
}
