import { error, type Cookies } from '@sveltejs/kit';
import { isRoomCode } from '../../room-code';
import type { AppContext } from '../context';
import { findRoomByCode } from '../rooms/room.repository';
import { canViewSession, findSession } from './record.service';

/** The room and session, when this browser may see the session's record; 404/403 otherwise. */
export async function requireSessionViewer(ctx: AppContext, cookies: Cookies, code: string, sessionId: string) {
	const room = isRoomCode(code) ? await findRoomByCode(ctx.db, code) : undefined;
	const session = room && /^[0-9a-f-]{36}$/.test(sessionId) ? await findSession(ctx, room.id, sessionId) : undefined;
	if (!room || !session) error(404, 'No such meeting record');
	if (!(await canViewSession(ctx, cookies, room, session))) error(403, 'Only the host and the people in this meeting can see its record');
	return { room, session };
}
