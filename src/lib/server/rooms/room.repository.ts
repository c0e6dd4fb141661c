import type { Db } from '../db';
import type { NewRoom, Room } from '../db/schema';

export async function insertRoom(db: Db, room: NewRoom): Promise<Room> {
	return db.insertInto('rooms').values(room).returningAll().executeTakeFirstOrThrow();
}

export async function findRoomByCode(db: Db, code: string): Promise<Room | undefined> {
	return db.selectFrom('rooms').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function deleteRoom(db: Db, id: string): Promise<void> {
	await db.deleteFrom('rooms').where('id', '=', id).execute();
}
