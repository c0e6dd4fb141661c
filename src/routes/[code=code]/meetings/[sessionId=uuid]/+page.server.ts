import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/auth/guards';
import { sessionChat } from '#lib/server/chat/chat.service';
import { meetingRecord } from '#lib/server/records/meeting-record.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, depends }) => {
	depends('meeting:record');
	const ctx = appContext();
	const { room, session } = await requireSessionViewer(ctx, cookies, params.code, params.sessionId);
	return { code: room.code, record: await meetingRecord(ctx.db, session), chat: await sessionChat(ctx, session.id) };
};
