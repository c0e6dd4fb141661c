import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireModerator } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { releaseByHost } from '#lib/server/screen-share/screen-share.service';

/** Host or co-host: stop whoever is presenting. */
export const POST = procedure(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const { room } = await requireModerator(ctx, event.cookies, event.params.code!);
	return { event: await releaseByHost(ctx, room) };
});
