import { error, type Cookies } from '@sveltejs/kit';
import { isRoomCode } from '../../room-code';
import type { Room } from '../db/schema';
import type { Db } from '../db';
import { findRoomByCode } from '../rooms/room.repository';
import { isHostOf } from './room-cookies';

/** The room, when this browser holds its host session; 404 or 403 otherwise. */
export async function requireHost(db: Db, cookies: Cookies, code: string | undefined): Promise<Room> {
	const room = code && isRoomCode(code) ? await findRoomByCode(db, code) : undefined;
	if (!room) error(404, 'No meeting with this code');
	if (!isHostOf(cookies, room.code, room.id)) error(403, 'Only the host can do that');
	return room;
}
