import { TrackSource } from 'livekit-server-sdk';
import type { RecordingContext } from '../recordings/recording-context';
import { runRecordings, unsettledRuns } from '../recordings/recording.repository';
import { applyEgressInfo, recordTrack } from '../recordings/recording.service';

/**
 * The safety net for lost webhooks: compares every unsettled run with what Egress and
 * LiveKit report, applies ended egresses, records microphones that nobody recorded yet, and
 * hands stopped runs whose egresses all ended to the pipeline.
 */
export async function reconcileRecordings(ctx: RecordingContext): Promise<void> {
	for (const run of await unsettledRuns(ctx.db)) {
		const known = await runRecordings(ctx.db, run.id);
		const egresses = await ctx.egress.list(run.code).catch(() => []);
		for (const info of egresses) {
			if (known.some((r) => r.egress_id === info.egressId)) await applyEgressInfo(ctx, info);
		}
		if (run.status === 'recording') {
			const participants = await ctx.livekit.listParticipants(run.code).catch(() => []);
			for (const p of participants) {
				for (const t of p.tracks) {
					if (t.source === TrackSource.MICROPHONE && !known.some((r) => r.track_sid === t.sid)) {
						await recordTrack(ctx, run, run.code, p.identity, t.sid);
					}
				}
			}
		} else {
			await ctx.jobs.enqueue('recording.finalize', { runId: run.id }, { key: run.id });
		}
	}
}
