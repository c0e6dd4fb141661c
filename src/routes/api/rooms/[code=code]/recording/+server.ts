import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireHost } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { currentSession } from '#lib/server/access/meeting-session.service';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';
import { startRecording, stopRecording } from '#lib/server/recordings/recording.service';

const FAILURES = {
	already_recording: [409, 'This meeting is already being recorded'],
	not_recording: [409, 'This meeting is not being recorded'],
	egress_unavailable: [503, 'The recorder is unavailable. Try again in a moment.'],
	disk_full: [507, "The recorder's disk is almost full: free some space (or delete old recordings) first."]
} as const;

/** Host only: start or stop recording the meeting. */
export const POST = procedure(z.object({ action: z.enum(['start', 'stop']) }), async ({ input, event }) => {
	const ctx = pipelineContext();
	const room = await requireHost(ctx, event.cookies, event.params.code!);
	if (input.action === 'start') {
		const result = await startRecording(ctx, room, await currentSession(ctx, room));
		if (!result.ok) error(FAILURES[result.reason][0], FAILURES[result.reason][1]);
		return { recording: true, sessionId: result.run.session_id, notice: null };
	}
	const result = await stopRecording(ctx, room);
	if (!result.ok) error(FAILURES[result.reason][0], FAILURES[result.reason][1]);
	const notice = result.unstopped
		? `The recorder has not confirmed the stop of ${result.unstopped} recording(s) yet. Stoom keeps trying; nothing after the stop goes into the transcript.`
		: null;
	return { recording: false, sessionId: result.run.session_id, notice };
});
