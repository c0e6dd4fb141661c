import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireHost } from '#lib/server/auth/host-guard';
import { appContext } from '#lib/server/context';
import { procedure } from '#lib/server/http/procedure';
import { muteParticipant, removeParticipant } from '#lib/server/rooms/host-controls.service';

/** Host only: mute or remove one participant. */
export const POST = procedure(z.object({ action: z.enum(['mute', 'remove']) }), async ({ input, event }) => {
	const ctx = appContext();
	const room = await requireHost(ctx.db, event.cookies, event.params.code);
	const identity = event.params.identity ?? '';
	const result = input.action === 'mute' ? await muteParticipant(ctx, room, identity) : await removeParticipant(ctx, room, identity);
	if (!result.ok) error(result.reason === 'not_in_room' ? 404 : 503, result.reason === 'not_in_room' ? 'That person is not in the meeting' : 'The meeting server is unreachable');
	return { ok: true };
});
