import type { RoomServiceClient } from 'livekit-server-sdk';
import type { Db } from '../db';
import type { JoinPass, MeetingSession, Participant, Room } from '../db/schema';
import { findOpenSession } from '../meetings/session.repository';
import { findHostSession } from '../rooms/host-session.repository';
import { findParticipant, findParticipantByIdentity, updateParticipant } from '../rooms/participant.repository';
import type { Credentials } from './cookies';
import { findPass, tookPart } from './pass.repository';
import { roleOf, type Role } from './rights';
import { decideInCall, decideMembership, decidePresence, inCallFrom, type Decision, type Denial, type MemberFacts } from './room-rules';
import { SEAT_HOLD_SECONDS } from './seat.repository';

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
	/** Host (a valid host session, checked now), co-host or guest. */
	role: Role;
}

export type MemberResult = { ok: true; member: Member } | { ok: false; reason: Denial };

/** A host session that is live and of the current host link's generation. */
export async function isHost(db: Db, room: Room, credentials: Credentials, now = new Date()): Promise<boolean> {
	return (await liveHostSessionId(db, room, credentials, now)) !== null;
}

/** The browser's host session when it is live and of the current generation; null otherwise. */
export async function liveHostSessionId(db: Db, room: Room, credentials: Credentials, now = new Date()): Promise<string | null> {
	if (!credentials.hostSessionId) return null;
	const session = await findHostSession(db, credentials.hostSessionId);
	const live =
		session &&
		session.room_id === room.id &&
		session.revoked_at === null &&
		session.expires_at > now &&
		session.generation === room.host_generation;
	return live ? session.id : null;
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
		pass: pass
			? {
					revoked: pass.revoked_reason ?? (pass.revoked_at ? 'ended' : null),
					expired: pass.expires_at <= now,
					sessionId: pass.session_id,
					admitted: pass.admitted_at !== null
				}
			: null,
		openSessionId,
		participantRemoved: participant?.removed_at != null
	};
}

/** The pass the credentials name, if it is one of this room's. */
export async function passOf(db: Db, room: Room, credentials: Credentials): Promise<JoinPass | undefined> {
	const pass = credentials.passId ? await findPass(db, credentials.passId) : undefined;
	return pass?.room_id === room.id ? pass : undefined;
}

/** The member's role: the host session the browser presents now, else the co-host mark of its participant. */
async function roleNow(db: Db, room: Room, credentials: Credentials, participant: Participant): Promise<Role> {
	return roleOf({ hostSession: await isHost(db, room, credentials), cohost: participant.cohost_at !== null });
}

/** Whether these credentials make a member of the room's current meeting (enough for a token). */
export async function memberOf(db: Db, room: Room, credentials: Credentials): Promise<MemberResult> {
	const pass = await passOf(db, room, credentials);
	const { facts, openSession, participant } = await memberFacts(db, room, pass);
	const decision = decideMembership(facts);
	if (!decision.ok) return decision;
	return { ok: true, member: { room, session: openSession!, participant: participant!, pass: pass!, role: await roleNow(db, room, credentials, participant!) } };
}

/**
 * A member whom LiveKit has connected (or who dropped out within the reconnect grace): who
 * may chat, draw and present. Someone whose token was just minted may be in the call before
 * LiveKit's webhook says so: LiveKit is asked then, and the answer recorded.
 */
export async function inCallMemberOf(ctx: { db: Db; livekit: RoomServiceClient }, room: Room, credentials: Credentials, now = new Date()): Promise<MemberResult> {
	const pass = await passOf(ctx.db, room, credentials);
	const { facts, openSession, participant } = await memberFacts(ctx.db, room, pass, now);
	let inCall = inCallFrom(participant, now);
	if (!inCall && participant && decideMembership(facts).ok && justAdmitted(participant, now)) {
		inCall = await confirmWithLivekit(ctx, room, participant, now);
	}
	const decision = decideInCall({ ...facts, inCall });
	if (!decision.ok) return decision;
	return { ok: true, member: { room, session: openSession!, participant: participant!, pass: pass!, role: await roleNow(ctx.db, room, credentials, participant!) } };
}

const justAdmitted = (p: Participant, now: Date) => p.admitted_at !== null && now.getTime() - p.admitted_at.getTime() < SEAT_HOLD_SECONDS * 1000;

async function confirmWithLivekit(ctx: { db: Db; livekit: RoomServiceClient }, room: Room, participant: Participant, now: Date): Promise<boolean> {
	try {
		const info = await ctx.livekit.getParticipant(room.code, participant.identity);
		if (participant.joined_at === null || participant.left_at !== null) {
			await updateParticipant(ctx.db, participant.id, { joined_at: now, left_at: null, livekit_sid: info.sid });
		}
		return true;
	} catch {
		return false; // not in the room (or LiveKit unreachable: not in the call as far as we can tell)
	}
}

/**
 * The host, and every browser LiveKit saw in the session's call (and the host did not remove),
 * may see its record. Someone who has just connected may ask before LiveKit's webhook said so:
 * for the meeting under way, LiveKit is asked (as for the call's features).
 */
export async function maySeeSession(ctx: { db: Db; livekit: RoomServiceClient }, room: Room, session: MeetingSession, credentials: Credentials): Promise<boolean> {
	if (await isHost(ctx.db, room, credentials)) return true;
	if (credentials.browserId === null) return false;
	if (await tookPart(ctx.db, session.id, credentials.browserId)) return true;
	if (session.ended_at !== null) return false;
	const member = await inCallMemberOf(ctx, room, credentials);
	return member.ok && member.member.session.id === session.id;
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
