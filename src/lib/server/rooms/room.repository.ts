import type { Db } from '../db';
import type { NewRoom, Room } from '../db/schema';

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
