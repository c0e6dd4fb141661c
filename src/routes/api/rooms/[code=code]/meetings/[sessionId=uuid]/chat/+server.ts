import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/access/guards';
import { sessionChat } from '#lib/server/chat/chat.service';
import { query } from '#lib/server/http/procedure';
import { chatPageQuery } from '#lib/server/chat/page-query';

/** A past meeting's chat, a page at a time (the host and those who were in the call). */
export const GET = query(chatPageQuery, async ({ input, event }) => {
	const ctx = appContext();
	const { session } = await requireSessionViewer(ctx, event.cookies, event.params.code!, event.params.sessionId!);
	return sessionChat(ctx, session.id, { before: input.before ?? null, limit: input.limit });
});
