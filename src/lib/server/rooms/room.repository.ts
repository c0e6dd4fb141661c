import type { Db } from '../db';
import type { MeetingSession, NewRoom, Room } from '../db/schema';

export async function insertRoom(db: Db, room: NewRoom): Promise<Room> {
	return db.insertInto('rooms').values(room).returningAll().executeTakeFirstOrThrow();
}

export async function findRoomByCode(db: Db, code: string): Promise<Room | undefined> {
	return db.selectFrom('rooms').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findRoomById(db: Db, id: string): Promise<Room | undefined> {
	return db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The room row, locked until the transaction ends: serializes seat counting per room. */
export async function lockRoom(db: Db, id: string): Promise<Room | undefined> {
	return db.selectFrom('rooms').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function deleteRoom(db: Db, id: string): Promise<void> {
	await db.deleteFrom('rooms').where('id', '=', id).execute();
}

export interface RoomSettings {
	password_hash: string | null;
	mute_on_join: boolean;
	camera_off_on_join: boolean;
	locked: boolean;
	admission: Room['admission'];
	reactions: boolean;
	captions: boolean;
	transcription_language: string | null;
	max_participants: number;
}

export async function updateRoomSettings(db: Db, id: string, settings: Partial<RoomSettings>): Promise<Room> {
	return db.updateTable('rooms').set(settings).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Stores a new host key and moves to the next generation; returns the new generation. */
export async function replaceHostKey(db: Db, id: string, hostKeyHash: string): Promise<number> {
	const row = await db
		.updateTable('rooms')
		.set((eb) => ({ host_key_hash: hostKeyHash, host_generation: eb('host_generation', '+', 1) }))
		.where('id', '=', id)
		.returning('host_generation')
		.executeTakeFirstOrThrow();
	return row.host_generation;
}

/** The spoken language setting of the room a session belongs to (null: the server's default). */
export async function sessionSpokenLanguage(db: Db, sessionId: string): Promise<string | null> {
	const row = await db
		.selectFrom('meeting_sessions')
		.innerJoin('rooms', 'rooms.id', 'meeting_sessions.room_id')
		.select('rooms.transcription_language')
		.where('meeting_sessions.id', '=', sessionId)
		.executeTakeFirst();
	return row?.transcription_language ?? null;
}

/** The room's newest meeting, with the last time one of its recordings stopped (the finals' grace, see keepsFinalsUntil). */
export async function newestSessionWithStop(db: Db, roomId: string): Promise<(MeetingSession & { last_stop: Date | null }) | undefined> {
	return db
		.selectFrom('meeting_sessions')
		.selectAll()
		.select((eb) =>
			eb
				.selectFrom('recording_runs')
				.select((r) => r.fn.max('recording_runs.stopped_at').as('s'))
				.whereRef('recording_runs.session_id', '=', 'meeting_sessions.id')
				.as('last_stop')
		)
		.where('room_id', '=', roomId)
		.orderBy('started_at', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/**
 * The room's open meeting, and whether its captions are kept as its transcript: the host chose
 * Transcribe, or it is being recorded (the one rule for "transcribing").
 */
export async function openSessionTranscribing(db: Db, roomId: string): Promise<{ session: MeetingSession; transcribing: boolean } | undefined> {
	const row = await db
		.selectFrom('meeting_sessions')
		.selectAll()
		.select((eb) =>
			eb
				.or([
					eb('transcribing_at', 'is not', null),
					eb.exists(eb.selectFrom('recording_runs').select('recording_runs.id').whereRef('recording_runs.session_id', '=', 'meeting_sessions.id').where('recording_runs.status', '=', 'recording'))
				])
				.as('transcribing')
		)
		.where('room_id', '=', roomId)
		.where('ended_at', 'is', null)
		.executeTakeFirst();
	if (!row) return undefined;
	const { transcribing, ...session } = row;
	return { session, transcribing: Boolean(transcribing) };
}
