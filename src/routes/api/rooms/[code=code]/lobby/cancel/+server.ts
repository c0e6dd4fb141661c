import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { credentialsFor } from '#lib/server/access/cookies';
import { requireRoom } from '#lib/server/access/guards';
import { cancelKnock } from '#lib/server/access/lobby.service';
import { procedure } from '#lib/server/http/procedure';

/** The knocker: stop asking to join. */
export const POST = procedure(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const room = await requireRoom(ctx, event.params.code!);
	await cancelKnock(ctx, room, credentialsFor(event.cookies, room.code));
	return { ok: true as const };
});
