import { z } from 'zod';
import { requireHost } from '#lib/server/auth/host-guard';
import { appContext } from '#lib/server/context';
import { procedure } from '#lib/server/http/procedure';
import { releaseByHost } from '#lib/server/screen-share/screen-share.service';

/** Host only: stop whoever is presenting. */
export const POST = procedure(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const room = await requireHost(ctx.db, event.cookies, event.params.code);
	return { event: await releaseByHost(ctx, room) };
});
