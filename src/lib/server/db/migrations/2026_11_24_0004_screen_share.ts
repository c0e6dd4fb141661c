import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// The screen-share lock: one row per room. `fence` grows by one on every change of holder
	// (takeover or release); `applied_fence` is the newest fence pushed to LiveKit, so a slow,
	// stale apply can never override a newer one.
	await db.schema
		.createTable('screen_share_locks')
		.addColumn('room_id', 'uuid', (c) => c.primaryKey().references('rooms.id').onDelete('cascade'))
		.addColumn('holder_id', 'uuid', (c) => c.references('participants.id').onDelete('set null'))
		.addColumn('previous_id', 'uuid', (c) => c.references('participants.id').onDelete('set null'))
		.addColumn('fence', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('applied_fence', 'bigint', (c) => c.notNull().defaultTo(0))
		// Set when LiveKit reports the holder's share gone (unpublished, left): released unless
		// the share comes back within the grace period.
		.addColumn('release_pending_at', 'timestamptz')
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('screen_share_locks').execute();
}
