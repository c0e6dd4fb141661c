import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireHost } from '#lib/server/auth/guards';
import { procedure } from '#lib/server/http/procedure';
import { muteParticipant, removeParticipant } from '#lib/server/moderation/host-controls.service';

const FAILURES = {
	not_in_room: [404, 'That person is not in the meeting'],
	is_host: [409, 'A host cannot be removed'],
	livekit_unavailable: [503, 'The meeting server is unreachable']
} as const;

/** Host only: mute or remove one participant. */
export const POST = procedure(z.object({ action: z.enum(['mute', 'remove']) }), async ({ input, event }) => {
	const ctx = appContext();
	const room = await requireHost(ctx, event.cookies, event.params.code!);
	const identity = event.params.identity ?? '';
	const result = input.action === 'mute' ? await muteParticipant(ctx, room, identity) : await removeParticipant(ctx, room, identity);
	if (!result.ok) {
		const [status, message] = FAILURES[result.reason];
		error(status, message);
	}
	return { ok: true };
});
