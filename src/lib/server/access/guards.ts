import { error, type Cookies } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages';
import type { AppContext } from '../app-context';
import type { MeetingSession, Room } from '../db/schema';
import { verifyTranscriberToken } from '../livekit/transcriber-token';
import { findOpenSession, findRoomSession } from '../meetings/session.repository';
import { findRoomByCode } from '../rooms/room.repository';
import { credentialsFor, type Credentials } from './cookies';
import type { Role } from './rights';
import { inCallMemberOf, isHost, maySeeSession, memberOf, type Member } from './room-policy';
import { DENIAL_MESSAGES } from './room-rules';

/**
 * Route guards: each asks the room policy and turns a refusal into the HTTP answer. Codes
 * and ids reach them already matched by src/params (a malformed one is a 404 before this).
 */

/** The room with this code, or 404. */
export async function requireRoom(ctx: AppContext, code: string): Promise<Room> {
	const room = await findRoomByCode(ctx.db, code);
	if (!room) error(404, m.server_no_meeting_with_code());
	return room;
}

/** The room, when this browser holds a live host session of it (owner's rights); 404 or 403 otherwise. */
export async function requireHost(ctx: AppContext, cookies: Cookies, code: string): Promise<Room> {
	const room = await requireRoom(ctx, code);
	if (!(await isHost(ctx.db, room, credentialsFor(cookies, code)))) error(403, m.server_only_host());
	return room;
}

/** Who runs the meeting: the host (from any device), or a co-host of the meeting now. */
export interface Moderator {
	room: Room;
	role: Role;
	/** The meeting now (null when none is open). */
	session: MeetingSession | null;
	/** The moderator's own participant, when they joined this meeting. */
	participantId: string | null;
}

/** A host or a co-host of the room's current meeting; 403 otherwise. */
export async function requireModerator(ctx: AppContext, cookies: Cookies, code: string): Promise<Moderator> {
	const room = await requireRoom(ctx, code);
	const credentials = credentialsFor(cookies, code);
	const member = await memberOf(ctx.db, room, credentials);
	if (member.ok && member.member.role !== 'guest') {
		return { room, role: member.member.role, session: member.member.session, participantId: member.member.participant.id };
	}
	if (await isHost(ctx.db, room, credentials)) return { room, role: 'host', session: (await findOpenSession(ctx.db, room.id)) ?? null, participantId: null };
	error(403, m.server_only_moderator());
}

/**
 * A member of the room's current meeting whom LiveKit has in the call (chat, the board,
 * screen share); 403 with the reason otherwise.
 */
export async function requireInCall(ctx: AppContext, cookies: Cookies, code: string): Promise<Member> {
	const room = await requireRoom(ctx, code);
	const result = await inCallMemberOf(ctx, room, credentialsFor(cookies, code));
	if (!result.ok) error(403, DENIAL_MESSAGES[result.reason]());
	return result.member;
}

/** The room and session, when this browser may see the session's record (host, or was in the call); 404/403 otherwise. */
export async function requireSessionViewer(ctx: AppContext, cookies: Cookies, code: string, sessionId: string): Promise<{ room: Room; session: MeetingSession }> {
	const room = await findRoomByCode(ctx.db, code);
	const session = room && (await findRoomSession(ctx.db, room.id, sessionId));
	if (!room || !session) error(404, m.server_no_such_record());
	if (!(await maySeeSession(ctx, room, session, credentialsFor(cookies, code)))) {
		error(403, m.server_record_viewers_only());
	}
	return { room, session };
}

export type { Credentials, Member };

/**
 * A member admitted to the room's current meeting (in the call or not), or its host; 403
 * otherwise (a removed guest, an ended pass).
 */
export async function requireMember(ctx: AppContext, cookies: Cookies, code: string): Promise<Room> {
	const room = await requireRoom(ctx, code);
	const credentials = credentialsFor(cookies, code);
	const member = await memberOf(ctx.db, room, credentials);
	if (member.ok || (await isHost(ctx.db, room, credentials))) return room;
	error(403, DENIAL_MESSAGES[member.reason]());
}

/**
 * The transcriber agent: a LiveKit token with `roomAdmin` for a room (401 without a valid one,
 * 403 for any other). Returns the room its grant names.
 */
export async function requireTranscriber(ctx: AppContext, authorization: string | null): Promise<string> {
	const check = await verifyTranscriberToken(authorization, ctx.config.LIVEKIT_API_KEY, ctx.config.LIVEKIT_API_SECRET);
	if (!check.ok) error(check.reason === 'not_admin' ? 403 : 401, m.server_transcriber_unauthorized());
	return check.room;
}
