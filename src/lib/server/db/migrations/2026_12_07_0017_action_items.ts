import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// A room's tracked action items: what its meetings' insights asked someone to do, kept across
	// meetings. `merge_key` is the item's normalised words (the merge rule compares them);
	// `due_date` is YYYY-MM-DD as text (a calendar day, never shifted by a time zone).
	await db.schema
		.createTable('tracked_items')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('owner', 'text')
		.addColumn('due_text', 'text')
		.addColumn('due_date', 'text', (c) => c.check(sql`due_date ~ '^\\d{4}-\\d{2}-\\d{2}$'`))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status IN ('open', 'done', 'dropped')`))
		.addColumn('merge_key', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('done_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('tracked_items_room').on('tracked_items').columns(['room_id', 'status']).execute();

	// Each meeting where an item was said, once per meeting: the citation's moment, and what
	// that meeting's insights said (text, owner, due) so a re-sync can tell what it added.
	await db.schema
		.createTable('item_mentions')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('item_id', 'uuid', (c) => c.notNull().references('tracked_items.id').onDelete('cascade'))
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('at', 'double precision', (c) => c.notNull())
		.addColumn('speaker', 'text', (c) => c.notNull())
		.addColumn('ref', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('line', 'chat')`))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('owner', 'text')
		.addColumn('due_text', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('item_mentions_once', ['item_id', 'session_id'])
		.execute();
	await db.schema.createIndex('item_mentions_session').on('item_mentions').column('session_id').execute();
}
