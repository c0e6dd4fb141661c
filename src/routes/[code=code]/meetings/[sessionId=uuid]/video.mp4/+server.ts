import { error } from '@sveltejs/kit';
import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/access/guards';
import { latestExport } from '#lib/server/exports/exports.repository';
import { fileResponse } from '#lib/server/http/file-response';
import type { RequestHandler } from './$types';

/** The meeting as one video file, once its export is ready. */
export const GET: RequestHandler = async ({ params, cookies, request }) => {
	const ctx = appContext();
	const { room, session } = await requireSessionViewer(ctx, cookies, params.code, params.sessionId);
	const made = await latestExport(ctx.db, session.id);
	if (made?.status !== 'ready' || !made.file_path) error(404, 'This meeting has not been exported as a video yet');
	const response = await fileResponse(made.file_path, request, 'video/mp4').catch(() => error(404, 'The exported video is missing'));
	response.headers.set('content-disposition', `attachment; filename="stoom-${room.code}-${session.started_at.toISOString().slice(0, 10)}.mp4"`);
	return response;
};
