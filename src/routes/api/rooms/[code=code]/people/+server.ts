import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireModerator } from '#lib/server/access/guards';
import { peopleView } from '#lib/server/access/people.service';
import { query } from '#lib/server/http/procedure';

/** Host or co-host: everyone who holds a way into the meeting (in the call, connecting, waiting), and the room's access. */
export const GET = query(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const { room, session } = await requireModerator(ctx, event.cookies, event.params.code!);
	return peopleView(ctx.db, room, session);
});
