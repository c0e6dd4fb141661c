import { join } from 'node:path';
import { TrackSource, type EgressInfo } from 'livekit-server-sdk';
import type { MeetingSession, Recording, RecordingRun, Room } from '../db/schema';
import { egressTime, isTerminal, recordingStatusOf } from '../livekit/egress';
import { setTranscriptStage } from '../meetings/record-stage';
import { findParticipantByIdentity } from '../rooms/participant.repository';
import type { RecordingContext } from './recording-context';
import {
	claimTrackRecording,
	findLiveRun,
	findRecordingByEgress,
	findRun,
	insertCompositeRecording,
	insertRun,
	runRecordings,
	setRunStatus,
	setStopError,
	updateRecording
} from './recording.repository';

export type StartResult = { ok: true; run: RecordingRun } | { ok: false; reason: 'already_recording' | 'egress_unavailable' };

/** What participants read about a recorder failure; the details go to the log. */
const RECORDER_FAILED = 'The recorder could not record this.';

function runDir(ctx: RecordingContext, run: RecordingRun): string {
	return join(ctx.recordingsPath, run.session_id, run.id);
}

/**
 * Starts recording the meeting: one audio egress per microphone track (so every transcript
 * line has its real speaker) plus an audio room composite for playback.
 */
export async function startRecording(ctx: RecordingContext, room: Room, session: MeetingSession): Promise<StartResult> {
	const run = await insertRun(ctx.db, { session_id: session.id, room_id: room.id });
	if (!run) return { ok: false, reason: 'already_recording' };

	const participants = await ctx.livekit.listParticipants(room.code).catch(() => []);
	const micTracks = participants.flatMap((p) =>
		p.tracks.filter((t) => t.source === TrackSource.MICROPHONE).map((t) => ({ identity: p.identity, trackSid: t.sid }))
	);
	const started = await Promise.all(micTracks.map((t) => recordTrack(ctx, run, room.code, t.identity, t.trackSid)));

	const composite = await insertCompositeRecording(ctx.db, { run_id: run.id, file_path: join(runDir(ctx, run), ctx.compositeVideo ? 'room.mp4' : 'room.ogg') });
	const compositeOk = await startEgress(ctx, composite, () => ctx.egress.recordRoom(room.code, composite.file_path, ctx.compositeVideo));

	if (!compositeOk && !started.some(Boolean)) {
		await setRunStatus(ctx.db, run.id, 'done');
		return { ok: false, reason: 'egress_unavailable' };
	}
	await setTranscriptStage(ctx, session.id, 'recording', null);
	return { ok: true, run };
}

/** Records one participant's microphone track within a live run (idempotent per track). */
export async function recordTrack(ctx: RecordingContext, run: RecordingRun, code: string, identity: string, trackSid: string): Promise<boolean> {
	const participant = await findParticipantByIdentity(ctx.db, identity);
	const recording = await claimTrackRecording(ctx.db, {
		run_id: run.id,
		participant_identity: identity,
		speaker_name: participant?.display_name ?? identity,
		track_sid: trackSid,
		file_path: join(runDir(ctx, run), `${identity}-${trackSid}.ogg`)
	});
	if (!recording) return true;
	const ok = await startEgress(ctx, recording, () => ctx.egress.recordTrack(code, trackSid, recording.file_path));
	// Stop was pressed while this egress was starting: it must not keep recording.
	if (ok && (await findRun(ctx.db, run.id))?.status !== 'recording') await stopRunEgresses(ctx, run.id);
	return ok;
}

async function startEgress(ctx: RecordingContext, recording: Recording, start: () => Promise<EgressInfo>): Promise<boolean> {
	try {
		const info = await start();
		await updateRecording(ctx.db, recording.id, { egress_id: info.egressId, status: recordingStatusOf(info) });
		return true;
	} catch (err) {
		console.error(`recording ${recording.id}: egress did not start`, err);
		await updateRecording(ctx.db, recording.id, { status: 'failed', error: RECORDER_FAILED });
		return false;
	}
}

/** A microphone published while recording (a late joiner, or a rejoin) is recorded too. */
export async function onTrackPublished(ctx: RecordingContext, room: Room, identity: string, trackSid: string, source: TrackSource) {
	if (source !== TrackSource.MICROPHONE) return;
	const run = await findLiveRun(ctx.db, room.id);
	if (run) await recordTrack(ctx, run, room.code, identity, trackSid);
}

export type StopResult = { ok: true; run: RecordingRun; unstopped: number } | { ok: false; reason: 'not_recording' };

/**
 * Stops the live run: no egress of it may go on recording. Each one still writing is asked
 * to stop now; any the recorder did not confirm is counted, reported to the host, and
 * retried by the `recording.stop` job until it stops. Then the run goes to the pipeline.
 */
export async function stopRecording(ctx: RecordingContext, room: Room): Promise<StopResult> {
	const run = await findLiveRun(ctx.db, room.id);
	if (!run || !(await setRunStatus(ctx.db, run.id, 'stopping', 'recording'))) return { ok: false, reason: 'not_recording' };
	await setTranscriptStage(ctx, run.session_id, 'waiting', 'Recording finishing…');
	const unstopped = await stopRunEgresses(ctx, run.id);
	await ctx.jobs.enqueue('recording.finalize', { runId: run.id });
	return { ok: true, run, unstopped };
}

/**
 * Asks the recorder to stop every egress of the run that may still be writing; returns how
 * many it did not confirm (and queues a retry for those, recording why for the host).
 */
export async function stopRunEgresses(ctx: RecordingContext, runId: string): Promise<number> {
	const recordings = await runRecordings(ctx.db, runId);
	const writing = recordings.filter((r) => r.egress_id && (r.status === 'starting' || r.status === 'active'));
	const results = await Promise.allSettled(writing.map((r) => ctx.egress.stop(r.egress_id!)));
	const failed = results.filter((r) => r.status === 'rejected');
	for (const f of failed) console.error(`run ${runId}: stopping an egress failed`, (f as PromiseRejectedResult).reason);
	if (failed.length) {
		await setStopError(ctx.db, runId, `The recorder has not confirmed the stop of ${failed.length} of ${writing.length} recordings yet; retrying.`);
		await ctx.jobs.enqueue('recording.stop', { runId });
	} else {
		await setStopError(ctx.db, runId, null);
	}
	return failed.length;
}

/** The `recording.stop` job: tries again until the recorder confirms; throws (to retry) while it does not. */
export async function retryStop(ctx: RecordingContext, runId: string): Promise<void> {
	const run = await findRun(ctx.db, runId);
	if (!run || run.status !== 'stopping') return;
	const unstopped = await stopRunEgresses(ctx, runId);
	if (unstopped) throw new Error(`${unstopped} egress(es) of run ${runId} not stopped yet`);
}

/** Applies an egress state change, from a webhook or from the reconciliation poll. */
export async function applyEgressInfo(ctx: RecordingContext, info: EgressInfo): Promise<void> {
	const recording = await findRecordingByEgress(ctx.db, info.egressId);
	if (!recording) return;
	const status = recordingStatusOf(info);
	if (info.error) console.error(`recording ${recording.id}: egress ${info.egressId} reported: ${info.error}`);
	await updateRecording(ctx.db, recording.id, {
		status,
		error: status === 'failed' ? RECORDER_FAILED : null,
		started_at: egressTime(info.startedAt),
		ended_at: egressTime(info.endedAt)
	});
	if (isTerminal(info)) {
		const run = await findRun(ctx.db, recording.run_id);
		if (run?.status === 'stopping') await ctx.jobs.enqueue('recording.finalize', { runId: run.id });
	}
}
