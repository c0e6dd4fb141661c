import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireSessionViewer } from '#lib/server/access/guards';
import { requestExport } from '#lib/server/exports/export.service';
import { procedure } from '#lib/server/http/procedure';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';

/** Anyone who may see the record: render it as one video file (once; a repeat answers the same export). */
export const POST = procedure(z.object({}), async ({ event }) => {
	const ctx = pipelineContext();
	const { session } = await requireSessionViewer(ctx, event.cookies, event.params.code!, event.params.sessionId!);
	if (session.transcript_status === 'none' || session.transcript_status === 'recording') error(409, 'There is no finished recording to export yet.');
	const made = await requestExport(ctx, session);
	return { status: made.status, progress: made.progress };
});
