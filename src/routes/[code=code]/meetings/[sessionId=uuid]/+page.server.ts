import { appContext } from '#lib/server/app-context';
import { isHost } from '#lib/server/access/room-policy';
import { credentialsFor } from '#lib/server/access/cookies';
import { requireSessionViewer } from '#lib/server/access/guards';
import { sessionChat } from '#lib/server/chat/chat.service';
import { latestExport } from '#lib/server/exports/exports.repository';
import { insightsEngine } from '#lib/server/pipeline/pipeline-context';
import { meetingRecord } from '#lib/server/records/meeting-record.service';
import { boardShapeCount } from '#lib/server/whiteboard/whiteboard.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies, depends }) => {
	depends('meeting:record');
	const ctx = appContext();
	const { room, session } = await requireSessionViewer(ctx, cookies, params.code, params.sessionId);
	return {
		code: room.code,
		isHost: await isHost(ctx.db, room, credentialsFor(cookies, room.code)),
		record: await meetingRecord(ctx.db, session, insightsEngine() !== null),
		// A long first page: the insights cite chat messages, and a cited one should be on it.
		chat: await sessionChat(ctx, session.id, { limit: 200 }),
		exported: await latestExport(ctx.db, session.id).then((e) => (e ? { status: e.status, progress: e.progress, error: e.error } : null)),
		boardShapes: await boardShapeCount(ctx.db, session.id)
	};
};
