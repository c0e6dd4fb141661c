import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireModerator } from '#lib/server/access/guards';
import { setTranscribing } from '#lib/server/access/room-settings.service';
import { procedure } from '#lib/server/http/procedure';
import { LIVE_FAILURES } from '#lib/server/live/failures';

/** Host or co-host: this meeting keeps its captions as its transcript, with rolling notes (or stops keeping them). */
export const POST = procedure(
	z.object({ on: z.boolean() }),
	async ({ input, event }) => {
		const ctx = appContext();
		const { room } = await requireModerator(ctx, event.cookies, event.params.code!);
		return setTranscribing(ctx, room, input.on);
	},
	LIVE_FAILURES
);
