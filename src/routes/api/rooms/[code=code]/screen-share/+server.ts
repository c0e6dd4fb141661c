import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireInCall } from '#lib/server/access/guards';
import { procedure, query } from '#lib/server/http/procedure';
import { SCREEN_SHARE_FAILURES } from '#lib/server/screen-share/failures';
import { currentShare, present } from '#lib/server/screen-share/screen-share.service';

/** Start presenting (taking over from whoever presents) or stop presenting, as the caller. */
export const POST = procedure(
	z.object({ action: z.enum(['start', 'stop']) }),
	async ({ input, event }) => {
		const ctx = appContext();
		const member = await requireInCall(ctx, event.cookies, event.params.code!);
		return present(ctx, member, input.action === 'start');
	},
	SCREEN_SHARE_FAILURES
);

/** Who presents now, for a participant who joins while someone shares. */
export const GET = query(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const member = await requireInCall(ctx, event.cookies, event.params.code!);
	return currentShare(ctx, member.room);
});
