import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireModerator } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { applyPermissions } from '#lib/server/screen-share/screen-share.service';
import { setBoardMode } from '#lib/server/whiteboard/whiteboard.service';

/** Host or co-host: make the board view-only for everyone else, or let everyone draw again. */
export const POST = procedure(z.object({ viewOnly: z.boolean() }), async ({ input, event }) => {
	const ctx = appContext();
	const { room } = await requireModerator(ctx, event.cookies, event.params.code!);
	await setBoardMode(ctx, room, input.viewOnly, (updated) => applyPermissions(ctx, updated, true));
	return { viewOnly: input.viewOnly };
});
