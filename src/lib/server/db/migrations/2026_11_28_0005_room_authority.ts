import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
	// Host sessions are tied to the host link's generation: making a new link bumps it and
	// every host session of an older generation stops working.
	await db.schema.alterTable('rooms').addColumn('host_generation', 'integer', (c) => c.notNull().defaultTo(1)).execute();

	await db.schema
		.createTable('host_sessions')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
		.addColumn('generation', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('revoked_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('host_sessions_room').on('host_sessions').column('room_id').execute();

	// The LiveKit room a session lives in: a different sid for the same name means LiveKit
	// closed the room in between, so the session is over even if room_finished was lost.
	await db.schema.alterTable('meeting_sessions').addColumn('livekit_room_sid', 'text').execute();

	await db.schema
		.alterTable('participants')
		// Set when the host removes the participant: banned for the rest of the session.
		.addColumn('removed_at', 'timestamptz')
		// When a token was last minted: holds a seat for a moment before LiveKit reports the join.
		.addColumn('admitted_at', 'timestamptz')
		// The LiveKit connection (participant sid) the presence columns describe, and the last
		// one LiveKit reported gone: join/leave webhooks may arrive out of order.
		.addColumn('livekit_sid', 'text')
		.addColumn('left_sid', 'text')
		.execute();

	// A join pass: this browser passed the room's join step for one session. Checked on every
	// use; revoked when the participant is removed or the session ends; expires unless used.
	await db.schema
		.createTable('join_passes')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('participant_id', 'uuid', (c) => c.notNull().references('participants.id').onDelete('cascade'))
		.addColumn('browser_id', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('revoked_at', 'timestamptz')
		.addColumn('revoked_reason', 'text')
		.execute();
	await db.schema.createIndex('join_passes_session_browser').on('join_passes').columns(['session_id', 'browser_id']).execute();
	await db.schema.createIndex('join_passes_participant').on('join_passes').column('participant_id').execute();

	// Browsers the host removed, banned from the session.
	await db.schema
		.createTable('session_bans')
		.addColumn('session_id', 'uuid', (c) => c.notNull().references('meeting_sessions.id').onDelete('cascade'))
		.addColumn('browser_id', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('session_bans_pk', ['session_id', 'browser_id'])
		.execute();

	// How many times Whisper was really asked for a part (two workers must never both ask).
	await db.schema.alterTable('transcript_parts').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
	// Why stopping the recorder failed, for the host; cleared once every egress has ended.
	await db.schema.alterTable('recording_runs').addColumn('stop_error', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('recording_runs').dropColumn('stop_error').execute();
	await db.schema.alterTable('transcript_parts').dropColumn('attempts').execute();
	await db.schema.dropTable('session_bans').execute();
	await db.schema.dropTable('join_passes').execute();
	await db.schema
		.alterTable('participants')
		.dropColumn('removed_at')
		.dropColumn('admitted_at')
		.dropColumn('livekit_sid')
		.dropColumn('left_sid')
		.execute();
	await db.schema.alterTable('meeting_sessions').dropColumn('livekit_room_sid').execute();
	await db.schema.dropTable('host_sessions').execute();
	await db.schema.alterTable('rooms').dropColumn('host_generation').execute();
}
