import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireInCall } from '#lib/server/access/guards';
import { sendMessage, sessionChat } from '#lib/server/chat/chat.service';
import { CHAT_FAILURES } from '#lib/server/chat/failures';
import { chatPageQuery } from '#lib/server/chat/page-query';
import { procedure, query } from '#lib/server/http/procedure';

/** Sends a chat message as the participant this browser joined as; answers the stored message. */
export const POST = procedure(
	z.object({ text: z.string().max(10_000), clientId: z.string().min(8).max(100) }),
	async ({ input, event }) => {
		const ctx = appContext();
		const member = await requireInCall(ctx, event.cookies, event.params.code!);
		const result = await sendMessage(ctx, member, { ...input, client: event.getClientAddress() });
		return result.ok ? result.message : result;
	},
	CHAT_FAILURES
);

/** The chat of the meeting this browser is in, a page at a time. */
export const GET = query(chatPageQuery, async ({ input, event }) => {
	const ctx = appContext();
	const member = await requireInCall(ctx, event.cookies, event.params.code!);
	return sessionChat(ctx, member.session.id, { before: input.before ?? null, limit: input.limit });
});
