import type { Db } from '../db';
import type { JoinPass, MeetingSession, Participant, Room } from '../db/schema';
import { findPass, tookPart } from '../meetings/join-pass.repository';
import { findOpenSession } from '../meetings/session.repository';
import { findHostSession } from '../rooms/host-session.repository';
import { findParticipant, findParticipantByIdentity } from '../rooms/participant.repository';
import type { Credentials } from './cookies';
import { decideMembership, decidePresence, type Decision, type Denial, type MemberFacts } from './room-rules';

/**
 * The room policy: reads the facts from the database and asks the pure rules. Every path
 * after the join goes through here, so a removal, an ended meeting or a new host link takes
 * effect on the next request, not at the next join.
 */

/** A browser that may act in the room's current meeting. */
export interface Member {
	room: Room;
	session: MeetingSession;
	participant: Participant;
	pass: JoinPass;
	/** Holds a valid host session of the room (checked now, not remembered). */
	isHost: boolean;
}

export type MemberResult = { ok: true; member: Member } | { ok: false; reason: Denial };

/** A host session that is live and of the current host link's generation. */
export async function isHost(db: Db, room: Room, credentials: Credentials, now = new Date()): Promise<boolean> {
	if (!credentials.hostSessionId) return false;
	const session = await findHostSession(db, credentials.hostSessionId);
	return Boolean(
		session &&
			session.room_id === room.id &&
			session.revoked_at === null &&
			session.expires_at > now &&
			session.generation === room.host_generation
	);
}

/** The facts about a pass that the membership rule needs. */
export async function memberFacts(db: Db, room: Room, pass: JoinPass | undefined, now = new Date()) {
	const [openSession, participant] = await Promise.all([
		findOpenSession(db, room.id),
		pass ? findParticipant(db, pass.participant_id) : Promise.resolve(undefined)
	]);
	return { facts: memberFactsOf(pass, openSession?.id ?? null, participant, now), openSession, participant };
}

/** The membership facts from what was read: the pass, the room's open session, the pass's participant. */
export function memberFactsOf(pass: JoinPass | undefined, openSessionId: string | null, participant: Pick<Participant, 'removed_at'> | undefined, now = new Date()): MemberFacts {
	return {
		pass: pass ? { revoked: pass.revoked_reason ?? (pass.revoked_at ? 'ended' : null), expired: pass.expires_at <= now, sessionId: pass.session_id } : null,
		openSessionId,
		participantRemoved: participant?.removed_at != null
	};
}

/** The pass the credentials name, if it is one of this room's. */
export async function passOf(db: Db, room: Room, credentials: Credentials): Promise<JoinPass | undefined> {
	const pass = credentials.passId ? await findPass(db, credentials.passId) : undefined;
	return pass?.room_id === room.id ? pass : undefined;
}

/** Whether these credentials make a member of the room's current meeting. */
export async function memberOf(db: Db, room: Room, credentials: Credentials): Promise<MemberResult> {
	const pass = await passOf(db, room, credentials);
	const { facts, openSession, participant } = await memberFacts(db, room, pass);
	const decision = decideMembership(facts);
	if (!decision.ok) return decision;
	return { ok: true, member: { room, session: openSession!, participant: participant!, pass: pass!, isHost: await isHost(db, room, credentials) } };
}

/** The host, and every browser that took part in the session (and was not removed), may see its record. */
export async function maySeeSession(db: Db, room: Room, session: MeetingSession, credentials: Credentials): Promise<boolean> {
	if (await isHost(db, room, credentials)) return true;
	return credentials.browserId !== null && (await tookPart(db, session.id, credentials.browserId));
}

/** Whether a participant LiveKit reports in the room may stay (a removed guest's old token, a closed meeting). */
export async function mayStay(db: Db, room: Room, identity: string): Promise<Decision> {
	const [participant, openSession] = await Promise.all([findParticipantByIdentity(db, identity), findOpenSession(db, room.id)]);
	const known = participant !== undefined && participant.room_id === room.id;
	return decidePresence({
		known,
		removed: participant?.removed_at != null,
		inOpenSession: known && openSession !== undefined && participant.session_id === openSession.id
	});
}
