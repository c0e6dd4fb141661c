import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireMember } from '#lib/server/access/guards';
import { query } from '#lib/server/http/procedure';
import { liveTranscript } from '#lib/server/live/catch-up.service';
import { LIVE_FAILURES } from '#lib/server/live/failures';

/** Anyone admitted to the meeting: the live transcript kept so far (a latecomer's panel fills from it). */
export const GET = query(
	z.object({}),
	async ({ event }) => {
		const ctx = appContext();
		return liveTranscript(ctx, await requireMember(ctx, event.cookies, event.params.code!));
	},
	LIVE_FAILURES
);
