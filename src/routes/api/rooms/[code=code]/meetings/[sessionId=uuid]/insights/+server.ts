import { z } from 'zod';
import { requireHost } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { requestInsights } from '#lib/server/insights/insights.service';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';
import { RECORDING_FAILURES } from '#lib/server/recordings/failures';

/** Host only: write the meeting's insights again. */
export const POST = procedure(
	z.object({}),
	async ({ event }) => {
		const ctx = pipelineContext();
		const room = await requireHost(ctx, event.cookies, event.params.code!);
		const result = await requestInsights(ctx, room, event.params.sessionId!);
		return result.ok ? { status: 'pending' as const } : result;
	},
	RECORDING_FAILURES
);
