import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../db';
import type { Database, Participant } from '../db/schema';
import { roleOf, type Role } from './rights';

/** A participant with their role now. */
export type ParticipantWithRole = Participant & { role: Role };

/**
 * Whether the participant holds host rights now: one of their live passes carries a host
 * session of the room that is live and of the current host link's generation. The host
 * sessions are the one source of truth; a pass only says which one its browser presented.
 */
function holdsHostSession(eb: ExpressionBuilder<Database & { p: Database['participants'] }, 'p'>) {
	return eb.exists(
		eb
			.selectFrom('join_passes as jp')
			.innerJoin('host_sessions as hs', 'hs.id', 'jp.host_session_id')
			.innerJoin('rooms as r', 'r.id', 'hs.room_id')
			.select('jp.id')
			.whereRef('jp.participant_id', '=', 'p.id')
			.whereRef('hs.room_id', '=', 'p.room_id')
			.where('jp.revoked_at', 'is', null)
			.where('hs.revoked_at', 'is', null)
			.where('hs.expires_at', '>', sql<Date>`now()`)
			.whereRef('hs.generation', '=', 'r.host_generation')
	);
}

const withRole = ({ host, ...p }: Participant & { host: unknown }): ParticipantWithRole => ({ ...p, role: roleOf({ hostSession: Boolean(host), cohost: p.cohost_at !== null }) });

/** Participants with their role now, as a query to narrow. */
function withRoles(db: Db) {
	return db
		.selectFrom('participants as p')
		.selectAll('p')
		.select((eb) => holdsHostSession(eb).as('host'));
}

/** Every participant of a session, with their role now. */
export async function sessionRoles(db: Db, sessionId: string): Promise<ParticipantWithRole[]> {
	return (await withRoles(db).where('p.session_id', '=', sessionId).execute()).map(withRole);
}

/** One participant with their role now. */
export async function participantWithRole(db: Db, participantId: string): Promise<ParticipantWithRole | undefined> {
	const row = await withRoles(db).where('p.id', '=', participantId).executeTakeFirst();
	return row && withRole(row);
}

/** The participant with this LiveKit identity, with their role now. */
export async function identityWithRole(db: Db, identity: string): Promise<ParticipantWithRole | undefined> {
	const row = await withRoles(db).where('p.identity', '=', identity).executeTakeFirst();
	return row && withRole(row);
}

/** Names a participant co-host, or takes it back. */
export async function setCohost(db: Db, participantId: string, cohost: boolean): Promise<void> {
	await db.updateTable('participants').set({ cohost_at: cohost ? new Date() : null }).where('id', '=', participantId).execute();
}
