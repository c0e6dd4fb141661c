import { json } from '@sveltejs/kit';
import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/access/guards';
import { transcriptFile } from '#lib/server/exports/transcript-file.service';
import { describeFailure } from '#lib/server/http/failures';
import { RECORDING_FAILURES } from '#lib/server/recordings/failures';
import type { RequestHandler } from './$types';

/** Downloads the transcript as WebVTT, SRT, JSON or Markdown (a file, not a JSON procedure). */
export const GET: RequestHandler = async ({ params, cookies }) => {
	const ctx = appContext();
	const { room, session } = await requireSessionViewer(ctx, cookies, params.code, params.sessionId);
	const file = await transcriptFile(ctx, room, session, params.format);
	if ('ok' in file) {
		const { status, message } = describeFailure(file, RECORDING_FAILURES);
		return json({ message }, { status });
	}
	return new Response(file.body, { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"` } });
};
