import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// Who comes in: 'open' (anyone with the link) or 'ask' (everyone but hosts knocks). Rooms
	// that exist keep today's behaviour; new rooms ask.
	await db.schema.alterTable('rooms').addColumn('admission', 'text', (c) => c.notNull().defaultTo('open')).execute();
	await sql`ALTER TABLE rooms ALTER COLUMN admission SET DEFAULT 'ask'`.execute(db);
	await sql`ALTER TABLE rooms ADD CONSTRAINT rooms_admission_check CHECK (admission IN ('open', 'ask'))`.execute(db);

	// Set by a removal: the rest of this meeting asks to join, whatever the room's setting.
	await db.schema.alterTable('meeting_sessions').addColumn('lobby_forced_at', 'timestamptz').execute();

	// A co-host of this meeting since then (the host grants and takes it back). The host is
	// whoever holds a live host session: participants.is_host was a second source of truth.
	await db.schema.alterTable('participants').addColumn('cohost_at', 'timestamptz').execute();
	await db.schema.alterTable('participants').dropColumn('is_host').execute();

	await db.schema
		.alterTable('join_passes')
		// Null while the holder waits in the lobby; a pass grants nothing until admitted.
		.addColumn('admitted_at', 'timestamptz')
		// The host session the browser presented with its last join or token: what makes the
		// pass's participant a host, checked against host_sessions (revocation, generation).
		.addColumn('host_session_id', 'uuid', (c) => c.references('host_sessions.id').onDelete('set null'))
		// The client's address (IPv6 to its /64) when the pass was issued: the lobby flags a
		// knock from where a removed participant came from.
		.addColumn('client_key', 'text')
		.execute();
	await sql`UPDATE join_passes SET admitted_at = created_at`.execute(db);
	await db.schema
		.createIndex('join_passes_waiting')
		.on('join_passes')
		.column('session_id')
		.where(sql.ref('admitted_at'), 'is', null)
		.execute();

	// Addresses a removed participant used in a session (never a refusal by itself: a shared
	// network would lock out the others; the host sees the flag on a knock).
	await db.schema
		.createTable('session_removed_addresses')
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('client_key', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('session_removed_addresses_pk', ['session_id', 'client_key'])
		.execute();

	// The sender's role when the message was sent: the Host / Co-host badge in chat and the record.
	await db.schema.alterTable('chat_messages').addColumn('sender_role', 'text', (c) => c.notNull().defaultTo('guest')).execute();

	// How many shapes each participant added to a meeting's board: the per-participant cap.
	await db.schema
		.createTable('whiteboard_contributors')
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('participant_id', 'uuid', (c) => c.notNull().references('participants.id').onDelete('cascade'))
		.addColumn('shapes_added', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('whiteboard_contributors_pk', ['session_id', 'participant_id'])
		.execute();

	// One live export per session: parallel requests coalesce on the index, not on a check.
	await sql`
		DELETE FROM recording_exports e
		WHERE e.status IN ('pending', 'running', 'ready')
		  AND EXISTS (
		    SELECT 1 FROM recording_exports newer
		    WHERE newer.session_id = e.session_id AND newer.status IN ('pending', 'running', 'ready')
		      AND (newer.created_at, newer.id) > (e.created_at, e.id)
		  )`.execute(db);
	await db.schema
		.createIndex('recording_exports_one_live')
		.on('recording_exports')
		.column('session_id')
		.unique()
		.where(sql.ref('status'), 'in', sql`('pending', 'running', 'ready')`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('recording_exports_one_live').execute();
	await db.schema.dropTable('whiteboard_contributors').execute();
	await db.schema.alterTable('chat_messages').dropColumn('sender_role').execute();
	await db.schema.dropTable('session_removed_addresses').execute();
	await db.schema.dropIndex('join_passes_waiting').execute();
	await db.schema.alterTable('join_passes').dropColumn('admitted_at').dropColumn('host_session_id').dropColumn('client_key').execute();
	await db.schema.alterTable('participants').addColumn('is_host', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
	await db.schema.alterTable('participants').dropColumn('cohost_at').execute();
	await db.schema.alterTable('meeting_sessions').dropColumn('lobby_forced_at').execute();
	await db.schema.alterTable('rooms').dropConstraint('rooms_admission_check').execute();
	await db.schema.alterTable('rooms').dropColumn('admission').execute();
}
