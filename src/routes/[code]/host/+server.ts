import { error, redirect } from '@sveltejs/kit';
import { tokenMatches } from '#lib/server/auth/secrets';
import { setHostSession } from '#lib/server/auth/room-cookies';
import { appContext } from '#lib/server/context';
import { getRoom } from '#lib/server/rooms/room.service';
import { isRoomCode } from '#lib/room-code';
import type { RequestHandler } from './$types';

/** The host link: hands host rights to this browser, then opens the meeting. */
export const GET: RequestHandler = async ({ params, url, cookies }) => {
	const room = isRoomCode(params.code) ? await getRoom(appContext(), params.code) : undefined;
	if (!room) error(404, 'No meeting with this code');
	const key = url.searchParams.get('key') ?? '';
	if (!key || !tokenMatches(key, room.host_key_hash)) error(403, 'This host link is not valid (it may have been replaced by a newer one)');
	setHostSession(cookies, room.code, room.id, url.protocol === 'https:');
	redirect(303, `/${room.code}`);
};
