import { error } from '@sveltejs/kit';
import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/auth/guards';
import { fileResponse } from '#lib/server/http/file-response';
import { recordingFile } from '#lib/server/records/meeting-record.service';
import type { RequestHandler } from './$types';

/** A recording's audio, with range requests so the player can seek. */
export const GET: RequestHandler = async ({ params, cookies, request }) => {
	const ctx = appContext();
	const { session } = await requireSessionViewer(ctx, cookies, params.code, params.sessionId);
	const path = await recordingFile(ctx.db, session.id, params.recordingId);
	if (!path) error(404, 'No such recording');
	const type = path.endsWith('.mp4') ? 'video/mp4' : path.endsWith('.webm') ? 'video/webm' : 'audio/ogg';
	return fileResponse(path, request, type).catch(() => error(404, 'The recording file is missing'));
};
