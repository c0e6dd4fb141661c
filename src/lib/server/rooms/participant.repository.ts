import { sql } from 'kysely';
import type { Db } from '../db';
import type { MeetingSession, Participant } from '../db/schema';

export async function insertParticipant(
	db: Db,
	values: { room_id: string; session_id: string; identity: string; display_name: string; is_host: boolean }
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
	Pick<Participant, 'display_name' | 'joined_at' | 'left_at' | 'is_host' | 'removed_at' | 'admitted_at' | 'livekit_sid' | 'left_sid'>
>;

export async function updateParticipant(db: Db, id: string, values: ParticipantChange): Promise<void> {
	await db.updateTable('participants').set(values).where('id', '=', id).execute();
}

/** The room's open session, and whether LiveKit reported someone in its room who has not left (by the webhooks): one round trip. */
export async function openSessionWithPresence(db: Db, roomId: string): Promise<{ session: MeetingSession; anyoneConnected: boolean } | undefined> {
	const row = await db
		.selectFrom('meeting_sessions as s')
		.selectAll('s')
		.select((eb) =>
			eb
				.exists(
					eb
						.selectFrom('participants as p')
						.select('p.id')
						.whereRef('p.session_id', '=', 's.id')
						.where('p.joined_at', 'is not', null)
						.where('p.left_at', 'is', null)
				)
				.as('anyone_connected')
		)
		.where('s.room_id', '=', roomId)
		.where('s.ended_at', 'is', null)
		.executeTakeFirst();
	if (!row) return undefined;
	const { anyone_connected, ...session } = row;
	return { session, anyoneConnected: Boolean(anyone_connected) };
}

/** How long a minted token holds a seat before LiveKit reports the participant joined. */
export const SEAT_HOLD_SECONDS = 60;

/**
 * People who hold a seat in the session now, other than `except`: connected (LiveKit said
 * joined, not yet left) or admitted within the last minute and not yet connected. The
 * removed hold none.
 */
export async function countSeated(db: Db, sessionId: string, except: string): Promise<number> {
	const row = await db
		.selectFrom('participants')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('session_id', '=', sessionId)
		.where('id', '!=', except)
		.where('removed_at', 'is', null)
		.where((eb) =>
			eb.or([
				eb.and([eb('joined_at', 'is not', null), eb('left_at', 'is', null)]),
				eb('admitted_at', '>', sql<Date>`now() - make_interval(secs => ${SEAT_HOLD_SECONDS})`)
			])
		)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Every participant of a session. */
export async function sessionParticipants(db: Db, sessionId: string): Promise<Participant[]> {
	return db.selectFrom('participants').selectAll().where('session_id', '=', sessionId).execute();
}
