import { z } from 'zod';
import { requireHost } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';
import { RECORDING_FAILURES } from '#lib/server/recordings/failures';
import { setRecording } from '#lib/server/recordings/recording-control.service';

/** Host only: start or stop recording the meeting. */
export const POST = procedure(
	z.object({ action: z.enum(['start', 'stop']) }),
	async ({ input, event }) => {
		const ctx = pipelineContext();
		const room = await requireHost(ctx, event.cookies, event.params.code!);
		return setRecording(ctx, room, input.action === 'start');
	},
	RECORDING_FAILURES
);
