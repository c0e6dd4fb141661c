import { error, json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { CHAT_MAX_LENGTH, CHAT_PAGE_SIZE } from '#lib/chat/message';
import { appContext } from '#lib/server/app-context';
import { requireInCall } from '#lib/server/access/guards';
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
		const member = await requireInCall(ctx, event.cookies, event.params.code!);
		const result = await sendMessage(ctx, member, { ...input, client: event.getClientAddress() });
		if (!result.ok) {
			if (result.reason === 'rate_limited') event.setHeaders({ 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) });
			const [status, message] = FAILURES[result.reason];
			error(status, message);
		}
		return result.message;
	}
);

const page = z.object({
	before: z.coerce.number().int().positive().optional(),
	limit: z.coerce.number().int().min(1).max(200).default(CHAT_PAGE_SIZE)
});

/** The chat of the meeting this browser is in, a page at a time: the newest, or those before `before`. */
export const GET: RequestHandler = async ({ params, cookies, url }) => {
	const ctx = appContext();
	const member = await requireInCall(ctx, cookies, params.code!);
	const parsed = page.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, 'before and limit must be whole numbers (limit at most 200)');
	return json(await sessionChat(ctx, member.session.id, { before: parsed.data.before ?? null, limit: parsed.data.limit }));
};
