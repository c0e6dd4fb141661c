import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireHost } from '#lib/server/auth/guards';
import { procedure } from '#lib/server/http/procedure';
import { releaseByHost } from '#lib/server/screen-share/screen-share.service';

/** Host only: stop whoever is presenting. */
export const POST = procedure(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const room = await requireHost(ctx, event.cookies, event.params.code!);
	return { event: await releaseByHost(ctx, room) };
});
