import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages';
import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/access/guards';
import { fileResponse } from '#lib/server/http/file-response';
import { recordingFile } from '#lib/server/records/meeting-record.service';
import type { RequestHandler } from './$types';

const TYPES: Record<string, string> = { mp4: 'video/mp4', webm: 'video/webm', ogg: 'audio/ogg' };

/** One of the record's files (the room's mix, a camera, a screen share), with range requests so players can seek. */
export const GET: RequestHandler = async ({ params, cookies, request }) => {
	const ctx = appContext();
	const { session } = await requireSessionViewer(ctx, cookies, params.code, params.sessionId);
	const path = await recordingFile(ctx.db, session.id, params.recordingId);
	if (!path) error(404, m.server_no_such_recording());
	const type = TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream';
	return fileResponse(path, request, type).catch(() => error(404, m.server_recording_file_missing()));
};
