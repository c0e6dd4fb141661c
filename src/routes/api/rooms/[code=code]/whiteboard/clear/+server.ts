import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireHost } from '#lib/server/auth/guards';
import { procedure } from '#lib/server/http/procedure';
import { findOpenSession } from '#lib/server/meetings/session.repository';
import { clearWhiteboard } from '#lib/server/whiteboard/whiteboard.service';

/** Host only: clear the board for everyone. */
export const POST = procedure(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const room = await requireHost(ctx, event.cookies, event.params.code!);
	const session = await findOpenSession(ctx.db, room.id);
	if (!session) error(409, 'The meeting has ended.');
	await clearWhiteboard(ctx, room, session);
	return { ok: true };
});
