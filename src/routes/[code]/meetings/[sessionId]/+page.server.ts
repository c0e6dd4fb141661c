import { sessionChat } from '#lib/server/chat/chat.service';
import { appContext } from '#lib/server/context';
import { meetingRecord } from '#lib/server/recordings/record.service';
import { requireSessionViewer } from '#lib/server/recordings/session-guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, depends }) => {
	depends('meeting:record');
	const ctx = appContext();
	const { room, session } = await requireSessionViewer(ctx, cookies, params.code, params.sessionId);
	return { code: room.code, record: await meetingRecord(ctx, session), chat: await sessionChat(ctx, session.id) };
};
