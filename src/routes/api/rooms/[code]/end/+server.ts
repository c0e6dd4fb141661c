import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireHost } from '#lib/server/auth/host-guard';
import { appContext } from '#lib/server/context';
import { procedure } from '#lib/server/http/procedure';
import { endMeeting } from '#lib/server/rooms/host-controls.service';

/** Host only: end the meeting for everyone. */
export const POST = procedure(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const room = await requireHost(ctx.db, event.cookies, event.params.code);
	const result = await endMeeting(ctx, room);
	if (!result.ok) error(503, 'The meeting server is unreachable');
	return { ok: true };
});
