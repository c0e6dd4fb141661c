import { error, type Cookies } from '@sveltejs/kit';
import type { AppContext } from '../app-context';
import type { MeetingSession, Room } from '../db/schema';
import { findRoomSession } from '../meetings/session.repository';
import { findRoomByCode } from '../rooms/room.repository';
import { credentialsFor, type Credentials } from './cookies';
import { isHost, maySeeSession, memberOf, type Member } from './room-policy';
import { DENIAL_MESSAGES } from './room-rules';

/**
 * Route guards: each asks the room policy and turns a refusal into the HTTP answer. Codes
 * and ids reach them already matched by src/params (a malformed one is a 404 before this).
 */

/** The room with this code, or 404. */
export async function requireRoom(ctx: AppContext, code: string): Promise<Room> {
	const room = await findRoomByCode(ctx.db, code);
	if (!room) error(404, 'No meeting with this code');
	return room;
}

/** The room, when this browser holds a live host session of it; 404 or 403 otherwise. */
export async function requireHost(ctx: AppContext, cookies: Cookies, code: string): Promise<Room> {
	const room = await requireRoom(ctx, code);
	if (!(await isHost(ctx.db, room, credentialsFor(cookies, code)))) error(403, 'Only the host can do that');
	return room;
}

/** A member of the room's current meeting (valid pass, not removed, meeting not over); 403 with the reason otherwise. */
export async function requireMember(ctx: AppContext, cookies: Cookies, code: string): Promise<Member> {
	const room = await requireRoom(ctx, code);
	const result = await memberOf(ctx.db, room, credentialsFor(cookies, code));
	if (!result.ok) error(403, DENIAL_MESSAGES[result.reason]);
	return result.member;
}

/** The room and session, when this browser may see the session's record (host, or took part); 404/403 otherwise. */
export async function requireSessionViewer(ctx: AppContext, cookies: Cookies, code: string, sessionId: string): Promise<{ room: Room; session: MeetingSession }> {
	const room = await findRoomByCode(ctx.db, code);
	const session = room && (await findRoomSession(ctx.db, room.id, sessionId));
	if (!room || !session) error(404, 'No such meeting record');
	if (!(await maySeeSession(ctx.db, room, session, credentialsFor(cookies, code)))) {
		error(403, 'Only the host and the people in this meeting can see its record');
	}
	return { room, session };
}

export type { Credentials, Member };
