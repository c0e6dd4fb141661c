import type { RequestHandler } from '@sveltejs/kit';
import { requireTranscriber } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { LIVE_FAILURES } from '#lib/server/live/failures';
import { storeFinals, TRANSCRIBER_SEGMENTS } from '#lib/server/live/transcriber.service';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';

/**
 * The transcriber agent posts each final caption here (not a browser endpoint: a LiveKit token
 * with roomAdmin for the room, checked before the body is read).
 */
export const POST: RequestHandler = async (event) => {
	const ctx = pipelineContext();
	const room = await requireTranscriber(ctx, event.request.headers.get('authorization'));
	return procedure(TRANSCRIBER_SEGMENTS, ({ input }) => storeFinals(ctx, room, input), LIVE_FAILURES)(event);
};
