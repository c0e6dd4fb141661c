import { isTerminal } from '../recordings/egress';
import type { RecordingContext } from '../recordings/recording-context';
import { findRun, runRecordings, setRunStatus } from '../recordings/recording.repository';
import { applyEgressInfo } from '../recordings/recording.service';
import { setTranscriptStatus } from '../recordings/transcript-status';

/** Thrown to have the runner try again later (with backoff). */
export class NotYet extends Error {}

/**
 * After a stop: waits until every egress of the run has ended (asking Egress directly, in
 * case a webhook was lost), then queues one transcription per speaker's track.
 */
export async function finalizeRecording(ctx: RecordingContext, runId: string): Promise<void> {
	const run = await findRun(ctx.db, runId);
	if (!run || run.status === 'done' || run.status === 'recording') return;

	let recordings = await runRecordings(ctx.db, run.id);
	if (recordings.some((r) => r.status === 'starting' || r.status === 'active')) {
		const code = (await ctx.db.selectFrom('rooms').select('code').where('id', '=', run.room_id).executeTakeFirstOrThrow()).code;
		for (const info of await ctx.egress.list(code)) if (isTerminal(info)) await applyEgressInfo(ctx, info);
		recordings = await runRecordings(ctx.db, run.id);
		if (recordings.some((r) => r.status === 'starting' || r.status === 'active')) throw new NotYet('egress still writing');
	}

	const tracks = recordings.filter((r) => r.kind === 'track');
	for (const track of tracks) {
		await ctx.db
			.insertInto('transcript_parts')
			.values({
				recording_id: track.id,
				status: track.status === 'complete' ? 'pending' : 'failed',
				error: track.status === 'complete' ? null : (track.error ?? 'recording failed'),
				updated_at: new Date()
			})
			.onConflict((oc) => oc.column('recording_id').doNothing())
			.execute();
		if (track.status === 'complete') await ctx.jobs.enqueue('transcript.track', { recordingId: track.id }, { key: track.id });
	}
	await setRunStatus(ctx.db, run.id, 'processing', 'stopping');
	await setTranscriptStatus(ctx.db, run.session_id, 'transcribing', `Transcribing 0 of ${tracks.length} speakers…`);
	await ctx.jobs.enqueue('transcript.merge', { sessionId: run.session_id });
}
