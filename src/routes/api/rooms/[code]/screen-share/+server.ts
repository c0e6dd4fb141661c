import { error, json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { isRoomCode } from '#lib/room-code';
import { joinPassParticipant } from '#lib/server/auth/room-cookies';
import { appContext } from '#lib/server/context';
import { procedure } from '#lib/server/http/procedure';
import { currentShare, stopSharing, takeOver } from '#lib/server/screen-share/screen-share.service';

const FAILURES = {
	not_found: [404, 'No meeting with this code'],
	not_joined: [403, 'Join the meeting first'],
	left: [409, 'You are no longer in this meeting. Rejoin to present.']
} as const;

function roomCode(code: string | undefined): string {
	if (!code || !isRoomCode(code)) error(404, 'No meeting with this code');
	return code;
}

/** Start presenting (taking over from whoever presents) or stop presenting, as the caller. */
export const POST = procedure(z.object({ action: z.enum(['start', 'stop']) }), async ({ input, event }) => {
	const code = roomCode(event.params.code);
	const participantId = joinPassParticipant(event.cookies, code);
	if (!participantId) error(403, 'Join the meeting first');
	const ctx = appContext();
	const result = input.action === 'start' ? await takeOver(ctx, code, participantId) : await stopSharing(ctx, code, participantId);
	if (!result.ok) {
		const [status, message] = FAILURES[result.reason];
		error(status, message);
	}
	return { event: result.event };
});

/** Who presents now, for a participant who joins while someone shares. */
export const GET: RequestHandler = async ({ params, cookies }) => {
	const code = roomCode(params.code);
	if (!joinPassParticipant(cookies, code)) error(403, 'Join the meeting first');
	const share = await currentShare(appContext(), code);
	if (!share) error(404, 'No meeting with this code');
	return json(share);
};
