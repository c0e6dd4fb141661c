import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireHost } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { requestInsights } from '#lib/server/insights/insights.service';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';

const FAILURES = {
	not_found: [404, 'No such meeting record'],
	no_transcript: [409, 'There is no finished transcript to write insights from yet.'],
	off: [409, 'Insights are off: no engine is configured.']
} as const;

/** Host only: write the meeting's insights again. */
export const POST = procedure(z.object({}), async ({ event }) => {
	const ctx = pipelineContext();
	const room = await requireHost(ctx, event.cookies, event.params.code!);
	const result = await requestInsights(ctx, room, event.params.sessionId!);
	if (!result.ok) error(FAILURES[result.reason][0], FAILURES[result.reason][1]);
	return { status: 'pending' };
});
