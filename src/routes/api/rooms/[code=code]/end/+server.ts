import { z } from 'zod';
import { m } from '#lib/paraglide/messages';
import { ACCESS_FAILURES } from '#lib/server/access/failures';
import { requireModerator } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { endMeeting } from '#lib/server/moderation/host-controls.service';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';

/** Host or co-host: end the meeting for everyone. */
export const POST = procedure(
	z.object({}),
	async ({ event }) => {
		const ctx = pipelineContext();
		const { room } = await requireModerator(ctx, event.cookies, event.params.code!);
		const result = await endMeeting(ctx, room);
		return result.ok ? { ok: true as const } : result;
	},
	{ ...ACCESS_FAILURES, livekit_unavailable: [503, () => m.server_end_livekit_unavailable()] }
);
