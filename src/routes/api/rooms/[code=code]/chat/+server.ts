import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { CHAT_MAX_LENGTH } from '#lib/chat/message';
import { appContext } from '#lib/server/app-context';
import { requireMember } from '#lib/server/auth/guards';
import { sendMessage, sessionChat } from '#lib/server/chat/chat.service';
import { procedure } from '#lib/server/http/procedure';

const FAILURES = {
	empty: [400, 'Type a message first'],
	too_long: [400, `That message is too long: keep it to ${CHAT_MAX_LENGTH} characters`],
	rate_limited: [429, 'You are sending messages too fast. Wait a moment and try again.']
} as const;

/** Sends a chat message as the participant this browser joined as; answers the stored message. */
export const POST = procedure(
	z.object({ text: z.string().max(10_000), clientId: z.string().min(8).max(100) }),
	async ({ input, event }) => {
		const ctx = appContext();
		const member = await requireMember(ctx, event.cookies, event.params.code!);
		const result = await sendMessage(ctx, member, input);
		if (!result.ok) {
			if (result.reason === 'rate_limited') event.setHeaders({ 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) });
			const [status, message] = FAILURES[result.reason];
			error(status, message);
		}
		return result.message;
	}
);

/** The chat of the meeting this browser is in, in order. */
export const GET = procedure(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const member = await requireMember(ctx, event.cookies, event.params.code!);
	return { messages: await sessionChat(ctx, member.session.id) };
});
