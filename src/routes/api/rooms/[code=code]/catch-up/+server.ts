import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireMember } from '#lib/server/access/guards';
import { query } from '#lib/server/http/procedure';
import { catchUp } from '#lib/server/live/catch-up.service';
import { LIVE_FAILURES } from '#lib/server/live/failures';

/** Anyone admitted to the meeting: the rolling notes so far, with their citations, and the lines said since. */
export const GET = query(
	z.object({}),
	async ({ event }) => {
		const ctx = appContext();
		return catchUp(ctx, await requireMember(ctx, event.cookies, event.params.code!));
	},
	LIVE_FAILURES
);
