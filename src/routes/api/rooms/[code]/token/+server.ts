import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { isRoomCode } from '#lib/room-code';
import { joinPassParticipant } from '#lib/server/auth/room-cookies';
import { appContext } from '#lib/server/context';
import { procedure } from '#lib/server/http/procedure';
import { issueToken } from '#lib/server/rooms/token.service';

/** Issues a LiveKit token to a browser that passed this room's join step. */
export const POST = procedure(z.object({}), async ({ event }) => {
	const { code } = event.params;
	if (!code || !isRoomCode(code)) error(404, 'No meeting with this code');
	const result = await issueToken(appContext(), code, joinPassParticipant(event.cookies, code));
	if (!result.ok) {
		if (result.reason === 'not_joined') error(403, 'Join the meeting first');
		error(503, 'The meeting server is unreachable. Retrying…');
	}
	return result;
});
