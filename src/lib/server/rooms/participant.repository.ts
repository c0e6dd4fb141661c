import type { Db } from '../db';
import type { Participant } from '../db/schema';

export async function insertParticipant(
	db: Db,
	values: { room_id: string; session_id: string; identity: string; display_name: string }
): Promise<Participant> {
	return db.insertInto('participants').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findParticipant(db: Db, id: string): Promise<Participant | undefined> {
	return db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findParticipantByIdentity(db: Db, identity: string): Promise<Participant | undefined> {
	return db.selectFrom('participants').selectAll().where('identity', '=', identity).executeTakeFirst();
}

export type ParticipantChange = Partial<
	Pick<Participant, 'display_name' | 'joined_at' | 'left_at' | 'cohost_at' | 'removed_at' | 'admitted_at' | 'livekit_sid' | 'left_sid'>
>;

export async function updateParticipant(db: Db, id: string, values: ParticipantChange): Promise<void> {
	await db.updateTable('participants').set(values).where('id', '=', id).execute();
}

/** Every participant of a session. */
export async function sessionParticipants(db: Db, sessionId: string): Promise<Participant[]> {
	return db.selectFrom('participants').selectAll().where('session_id', '=', sessionId).execute();
}
