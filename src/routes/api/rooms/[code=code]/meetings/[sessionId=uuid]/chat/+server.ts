import { error, json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { CHAT_PAGE_SIZE } from '#lib/chat/message';
import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/access/guards';
import { sessionChat } from '#lib/server/chat/chat.service';

const page = z.object({
	before: z.coerce.number().int().positive().optional(),
	limit: z.coerce.number().int().min(1).max(200).default(CHAT_PAGE_SIZE)
});

/** A past meeting's chat, a page at a time (the host and those who were in the call). */
export const GET: RequestHandler = async ({ params, cookies, url }) => {
	const ctx = appContext();
	const { session } = await requireSessionViewer(ctx, cookies, params.code!, params.sessionId!);
	const parsed = page.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, 'before and limit must be whole numbers (limit at most 200)');
	return json(await sessionChat(ctx, session.id, { before: parsed.data.before ?? null, limit: parsed.data.limit }));
};
