import type { Db } from '../db';
import type { Participant } from '../db/schema';

export async function insertParticipant(
	db: Db,
	values: { room_id: string; identity: string; display_name: string; is_host: boolean }
): Promise<Participant> {
	return db.insertInto('participants').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findParticipant(db: Db, id: string): Promise<Participant | undefined> {
	return db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findParticipantByIdentity(db: Db, identity: string): Promise<Participant | undefined> {
	return db.selectFrom('participants').selectAll().where('identity', '=', identity).executeTakeFirst();
}

export async function updateParticipant(
	db: Db,
	id: string,
	values: Partial<Pick<Participant, 'display_name' | 'session_id' | 'joined_at' | 'left_at' | 'is_host'>>
): Promise<void> {
	await db.updateTable('participants').set(values).where('id', '=', id).execute();
}
