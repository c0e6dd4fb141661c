import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages';
import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/access/guards';
import { exportedVideo } from '#lib/server/exports/export.service';
import { describeFailure } from '#lib/server/http/failures';
import { fileResponse } from '#lib/server/http/file-response';
import { RECORDING_FAILURES } from '#lib/server/recordings/failures';
import type { RequestHandler } from './$types';

/** The meeting as one video file, once its export is ready (ranges answered: it plays while it downloads). */
export const GET: RequestHandler = async ({ params, cookies, request }) => {
	const ctx = appContext();
	const { room, session } = await requireSessionViewer(ctx, cookies, params.code, params.sessionId);
	const video = await exportedVideo(ctx, session);
	if ('ok' in video) {
		const { status, message } = describeFailure(video, RECORDING_FAILURES);
		error(status, message);
	}
	const response = await fileResponse(video.path, request, 'video/mp4').catch(() => error(404, m.server_exported_video_missing()));
	response.headers.set('content-disposition', `attachment; filename="stoom-${room.code}-${session.started_at.toISOString().slice(0, 10)}.mp4"`);
	return response;
};
