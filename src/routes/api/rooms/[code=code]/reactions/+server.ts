import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireInCall } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { REACTION_FAILURES } from '#lib/server/reactions/failures';
import { sendReaction } from '#lib/server/reactions/reactions.service';
import { REACTION_EMOJI } from '#lib/reactions/reactions';

/** Sends a reaction to everyone in the call (when the room allows them). */
export const POST = procedure(
	z.object({ emoji: z.enum(REACTION_EMOJI) }),
	async ({ input, event }) => {
		const ctx = appContext();
		const member = await requireInCall(ctx, event.cookies, event.params.code!);
		return sendReaction(ctx, member, input.emoji);
	},
	REACTION_FAILURES
);
