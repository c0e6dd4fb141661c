import { inTransaction } from '../db/transaction';
import { isTerminal } from '../livekit/egress';
import { announceStage, LIVE_IMPROVING } from '../meetings/record-stage';
import { setOfflineTranscriptStatus } from '../meetings/session.repository';
import { findRun, runRecordings, setRunStatus } from '../recordings/recording.repository';
import { settleMediaRestarts } from '../recordings/media-restart.service';
import { applyEgressInfo } from '../recordings/recording.service';
import { findRoomById } from '../rooms/room.repository';
import { createParts } from '../transcription/transcript-parts.repository';
import type { PipelineContext } from './pipeline-context';

/** Thrown to have the runner try again later (with backoff). */
export class NotYet extends Error {}

/**
 * After a stop: waits until every egress of the run has ended (asking Egress directly, in
 * case a webhook was lost), then hands the run to transcription exactly once: the move from
 * `stopping` to `processing` and the creation of the parts commit together, so a stale or
 * duplicated finalize finds the run already processing and does nothing.
 */
export async function finalizeRecording(ctx: PipelineContext, runId: string): Promise<void> {
	const run = await findRun(ctx.db, runId);
	if (!run || run.status !== 'stopping') return;

	const writing = (rs: { status: string }[]) => rs.some((r) => r.status === 'starting' || r.status === 'active');
	let recordings = await runRecordings(ctx.db, run.id);
	if (writing(recordings)) {
		const room = await findRoomById(ctx.db, run.room_id);
		for (const info of room ? await ctx.egress.list(room.code) : []) if (isTerminal(info)) await applyEgressInfo(ctx, info);
		recordings = await runRecordings(ctx.db, run.id);
		if (writing(recordings)) throw new NotYet('egress still writing');
	}

	await settleMediaRestarts(ctx.db, run.id, recordings);
	const tracks = recordings.filter((r) => r.kind === 'track');
	const claimed = await inTransaction(ctx.db, async (trx) => {
		if (!(await setRunStatus(trx, run.id, 'processing', 'stopping'))) return false;
		await createParts(
			trx,
			tracks.map((t) => ({ recordingId: t.id, error: t.status === 'complete' ? null : (t.error ?? 'The recorder could not record this.') }))
		);
		await setOfflineTranscriptStatus(trx, run.session_id, 'transcribing', `Transcribing 0 of ${tracks.length} speakers…`, LIVE_IMPROVING);
		return true;
	});
	if (!claimed) return;
	await announceStage(ctx, run.session_id);
	for (const track of tracks) if (track.status === 'complete') await ctx.jobs.enqueue('transcript.track', { recordingId: track.id });
	await ctx.jobs.enqueue('transcript.merge', { sessionId: run.session_id });
	await ctx.jobs.enqueue('recording.join-mix', { sessionId: run.session_id });
}
