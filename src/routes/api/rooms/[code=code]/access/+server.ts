import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireModerator } from '#lib/server/access/guards';
import { setAccess } from '#lib/server/access/room-settings.service';
import { procedure } from '#lib/server/http/procedure';

/** Host or co-host, in the call: lock the meeting, choose who comes in (ask to join, or open), turn reactions on or off. */
export const POST = procedure(z.object({ locked: z.boolean().optional(), askToJoin: z.boolean().optional(), reactions: z.boolean().optional() }), async ({ input, event }) => {
	const ctx = appContext();
	const { room } = await requireModerator(ctx, event.cookies, event.params.code!);
	return setAccess(ctx, room, input);
});
