import { join } from 'node:path';
import { TrackSource, type EgressInfo } from 'livekit-server-sdk';
import type { RecordingRun } from '../db/schema';
import { openSession } from '../meetings/session.repository';
import { findParticipantByIdentity } from '../rooms/participant.repository';
import { findRoomByCode } from '../rooms/room.repository';
import { egressTime, isTerminal, recordingStatusOf } from './egress';
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
	updateRecording
} from './recording.repository';
import { setTranscriptStatus } from './transcript-status';

export type StartResult = { ok: true; run: RecordingRun } | { ok: false; reason: 'not_found' | 'already_recording' | 'egress_unavailable' };

function runDir(ctx: RecordingContext, run: RecordingRun): string {
	return join(ctx.recordingsPath, run.session_id, run.id);
}

/**
 * Starts recording a room: one audio egress per microphone track (so every transcript line
 * has its real speaker) plus an audio room composite for playback.
 */
export async function startRecording(ctx: RecordingContext, code: string): Promise<StartResult> {
	const room = await findRoomByCode(ctx.db, code);
	if (!room) return { ok: false, reason: 'not_found' };
	const session = await openSession(ctx.db, room.id);
	const run = await insertRun(ctx.db, { session_id: session.id, room_id: room.id });
	if (!run) return { ok: false, reason: 'already_recording' };

	const participants = await ctx.livekit.listParticipants(code).catch(() => []);
	const micTracks = participants.flatMap((p) =>
		p.tracks.filter((t) => t.source === TrackSource.MICROPHONE).map((t) => ({ identity: p.identity, trackSid: t.sid }))
	);
	const started = await Promise.all(micTracks.map((t) => recordTrack(ctx, run, code, t.identity, t.trackSid)));

	const composite = await insertCompositeRecording(ctx.db, { run_id: run.id, file_path: join(runDir(ctx, run), ctx.compositeVideo ? 'room.mp4' : 'room.ogg') });
	let compositeOk = false;
	try {
		const info = await ctx.egress.recordRoom(code, composite.file_path, ctx.compositeVideo);
		await updateRecording(ctx.db, composite.id, { egress_id: info.egressId, status: recordingStatusOf(info) });
		compositeOk = true;
	} catch (err) {
		await updateRecording(ctx.db, composite.id, { status: 'failed', error: messageOf(err) });
	}

	if (!compositeOk && !started.some(Boolean)) {
		await setRunStatus(ctx.db, run.id, 'done');
		return { ok: false, reason: 'egress_unavailable' };
	}
	await setTranscriptStatus(ctx.db, session.id, 'recording', null);
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
	try {
		const info = await ctx.egress.recordTrack(code, trackSid, recording.file_path);
		await updateRecording(ctx.db, recording.id, { egress_id: info.egressId, status: recordingStatusOf(info) });
		return true;
	} catch (err) {
		await updateRecording(ctx.db, recording.id, { status: 'failed', error: messageOf(err) });
		return false;
	}
}

/** A microphone published while recording (a late joiner, or a rejoin) is recorded too. */
export async function onTrackPublished(ctx: RecordingContext, code: string, identity: string, trackSid: string, source: TrackSource) {
	if (source !== TrackSource.MICROPHONE) return;
	const room = await findRoomByCode(ctx.db, code);
	const run = room && (await findLiveRun(ctx.db, room.id));
	if (run) await recordTrack(ctx, run, code, identity, trackSid);
}

export type StopResult = { ok: true; run: RecordingRun } | { ok: false; reason: 'not_found' | 'not_recording' };

/** Stops every egress of the live run and hands the run to the pipeline. */
export async function stopRecording(ctx: RecordingContext, code: string): Promise<StopResult> {
	const room = await findRoomByCode(ctx.db, code);
	if (!room) return { ok: false, reason: 'not_found' };
	const run = await findLiveRun(ctx.db, room.id);
	if (!run || !(await setRunStatus(ctx.db, run.id, 'stopping', 'recording'))) return { ok: false, reason: 'not_recording' };
	await setTranscriptStatus(ctx.db, run.session_id, 'waiting', 'Recording finishing…');
	const recordings = await runRecordings(ctx.db, run.id);
	await Promise.all(
		recordings
			.filter((r) => r.egress_id && (r.status === 'starting' || r.status === 'active'))
			.map((r) => ctx.egress.stop(r.egress_id!).catch(() => undefined))
	);
	await ctx.jobs.enqueue('recording.finalize', { runId: run.id }, { key: run.id });
	return { ok: true, run };
}

/** Applies an egress state change, from a webhook or from the reconciliation poll. */
export async function applyEgressInfo(ctx: RecordingContext, info: EgressInfo): Promise<void> {
	const recording = await findRecordingByEgress(ctx.db, info.egressId);
	if (!recording) return;
	await updateRecording(ctx.db, recording.id, {
		status: recordingStatusOf(info),
		error: info.error || null,
		started_at: egressTime(info.startedAt),
		ended_at: egressTime(info.endedAt)
	});
	if (isTerminal(info)) {
		const run = await findRun(ctx.db, recording.run_id);
		if (run?.status === 'stopping') await ctx.jobs.enqueue('recording.finalize', { runId: run.id }, { key: run.id });
	}
}

function messageOf(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}
