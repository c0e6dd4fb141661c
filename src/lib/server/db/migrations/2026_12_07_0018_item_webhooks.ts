import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// A room's outgoing webhook for its tracked action items (at most one per room).
	// secret_sealed: the signing secret, AES-256-GCM under a key derived from SESSION_SECRET
	// (it must be recoverable to sign, so it is sealed, not hashed).
	await db.schema
		.createTable('item_webhooks')
		.addColumn('room_id', 'uuid', (c) => c.primaryKey().references('rooms.id').onDelete('cascade'))
		.addColumn('url', 'text', (c) => c.notNull())
		.addColumn('secret_sealed', 'text', (c) => c.notNull())
		.addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// The delivery log: one row per event sent (or being sent). payload is `json`, not jsonb, so
	// the body keeps its key order across retries. last_error is short and never holds a secret.
	await db.schema
		.createTable('item_webhook_deliveries')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
		.addColumn('event_type', 'text', (c) => c.notNull())
		.addColumn('payload', 'json', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_http_status', 'integer')
		.addColumn('last_error', 'text')
		.addColumn('next_attempt_at', 'timestamptz')
		.addColumn('delivered_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('item_webhook_deliveries_status', sql`status IN ('pending', 'delivered', 'failed')`)
		.execute();
	await sql`CREATE INDEX item_webhook_deliveries_room ON item_webhook_deliveries (room_id, created_at DESC)`.execute(db);
}
