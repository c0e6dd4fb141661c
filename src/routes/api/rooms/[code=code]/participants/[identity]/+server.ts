import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireHost, requireModerator } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { muteParticipant, removeParticipant, setParticipantCohost } from '#lib/server/moderation/host-controls.service';

const FAILURES = {
	not_in_room: [404, 'That person is not in the meeting'],
	is_host: [409, 'A host cannot be removed or made co-host'],
	not_allowed: [403, 'A co-host can remove guests only'],
	livekit_unavailable: [503, 'The meeting server is unreachable']
} as const;

/** Host or co-host: mute or remove one participant. Host only: make them co-host, or take it back. */
export const POST = procedure(z.object({ action: z.enum(['mute', 'remove', 'make_cohost', 'remove_cohost']) }), async ({ input, event }) => {
	const ctx = appContext();
	const code = event.params.code!;
	const identity = event.params.identity ?? '';
	let result;
	if (input.action === 'make_cohost' || input.action === 'remove_cohost') {
		const room = await requireHost(ctx, event.cookies, code);
		result = await setParticipantCohost(ctx, room, identity, input.action === 'make_cohost');
	} else {
		const { room, role } = await requireModerator(ctx, event.cookies, code);
		result = input.action === 'mute' ? await muteParticipant(ctx, room, identity) : await removeParticipant(ctx, room, identity, role);
	}
	if (!result.ok) {
		const [status, message] = FAILURES[result.reason];
		error(status, message);
	}
	return { ok: true };
});
