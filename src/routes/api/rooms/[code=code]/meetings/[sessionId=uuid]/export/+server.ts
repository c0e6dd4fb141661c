import { z } from 'zod';
import { requireSessionViewer } from '#lib/server/access/guards';
import { exportRecord } from '#lib/server/exports/export.service';
import { procedure } from '#lib/server/http/procedure';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';
import { RECORDING_FAILURES } from '#lib/server/recordings/failures';

/** Anyone who may see the record: render it as one video file (once; a repeat answers the same export). */
export const POST = procedure(
	z.object({}),
	async ({ event }) => {
		const ctx = pipelineContext();
		const { session } = await requireSessionViewer(ctx, event.cookies, event.params.code!, event.params.sessionId!);
		return exportRecord(ctx, session);
	},
	RECORDING_FAILURES
);
