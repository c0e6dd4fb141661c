import { error, json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireInCall } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { currentShare, stopSharing, takeOver } from '#lib/server/screen-share/screen-share.service';

/** Start presenting (taking over from whoever presents) or stop presenting, as the caller. */
export const POST = procedure(z.object({ action: z.enum(['start', 'stop']) }), async ({ input, event }) => {
	const ctx = appContext();
	const member = await requireInCall(ctx, event.cookies, event.params.code!);
	if (input.action === 'stop') return { event: await stopSharing(ctx, member) };
	const result = await takeOver(ctx, member);
	if (!result.ok) error(result.reason === 'left' ? 409 : 403, result.reason === 'left' ? 'You are no longer in this meeting. Rejoin to present.' : 'Join the meeting first');
	return { event: result.event };
});

/** Who presents now, for a participant who joins while someone shares. */
export const GET: RequestHandler = async ({ params, cookies }) => {
	const ctx = appContext();
	const member = await requireInCall(ctx, cookies, params.code!);
	return json(await currentShare(ctx, member.room));
};
