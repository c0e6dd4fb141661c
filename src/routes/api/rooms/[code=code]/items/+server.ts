import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { credentialsFor } from '#lib/server/access/cookies';
import { requireRoom } from '#lib/server/access/guards';
import { query } from '#lib/server/http/procedure';
import { listItems } from '#lib/server/items/items.service';

/** The room's tracked items this browser may see: all of them for hosts, else those said in meetings it took part in. */
export const GET = query(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const room = await requireRoom(ctx, event.params.code!);
	return listItems(ctx, room, credentialsFor(event.cookies, room.code));
});
