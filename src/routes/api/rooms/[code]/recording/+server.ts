import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireHost } from '#lib/server/auth/host-guard';
import { procedure } from '#lib/server/http/procedure';
import { recordingContext } from '#lib/server/recordings/context';
import { startRecording, stopRecording } from '#lib/server/recordings/recording.service';

const FAILURES = {
	not_found: [404, 'No meeting with this code'],
	already_recording: [409, 'This meeting is already being recorded'],
	not_recording: [409, 'This meeting is not being recorded'],
	egress_unavailable: [503, 'The recorder is unavailable. Try again in a moment.']
} as const;

/** Host only: start or stop recording the meeting. */
export const POST = procedure(z.object({ action: z.enum(['start', 'stop']) }), async ({ input, event }) => {
	const ctx = recordingContext();
	const room = await requireHost(ctx.db, event.cookies, event.params.code);
	const result = input.action === 'start' ? await startRecording(ctx, room.code) : await stopRecording(ctx, room.code);
	if (!result.ok) {
		const [status, message] = FAILURES[result.reason];
		error(status, message);
	}
	return { recording: input.action === 'start', sessionId: result.run.session_id };
});
