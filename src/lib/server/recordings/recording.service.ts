import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TrackSource, type EgressInfo, type ParticipantInfo } from 'livekit-server-sdk';
import type { MeetingSession, Recording, RecordingRun, RecordingSource, Room } from '../db/schema';
import { isTerminal, mediaSpan, recordingStatusOf } from '../livekit/egress';
import { setTranscriptStage } from '../meetings/record-stage';
import { findParticipantByIdentity } from '../rooms/participant.repository';
import { DISK_FULL_NOTICE, freeBytes } from './disk-space';
import { attemptPath, recorderLost, segmentPath, startGraceMs, watchVerdict } from './start-watch';
import type { RecordingContext } from './recording-context';
import {
	claimTrackRecording,
	findLiveRun,
	findRecording,
	findRecordingByEgress,
	findRun,
	insertCompositeRecording,
	insertNextSegment,
	insertRun,
	runRecordings,
	setRunStatus,
	liveRuns,
	setStopError,
	setStopReason,
	updateRecording
} from './recording.repository';
import { findRoomById } from '../rooms/room.repository';
import { publishRoomMetadata } from '../rooms/livekit-room';

export type StartResult = { ok: true; run: RecordingRun } | { ok: false; reason: 'already_recording' | 'egress_unavailable' | 'disk_full' };

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
	await mkdir(ctx.recordingsPath, { recursive: true });
	if ((await freeBytes(ctx.recordingsPath)) < ctx.minFreeBytes) return { ok: false, reason: 'disk_full' };
	const run = await insertRun(ctx.db, { session_id: session.id, room_id: room.id });
	if (!run) return { ok: false, reason: 'already_recording' };

	const participants = await ctx.livekit.listParticipants(room.code).catch(() => []);
	const tracks = participants.flatMap((p) =>
		p.tracks.filter((t) => recordedSource(t.source, ctx.recordVideo)).map((t) => ({ identity: p.identity, sid: t.sid, source: t.source, mimeType: t.mimeType }))
	);
	const started = await Promise.all(tracks.map((t) => recordTrack(ctx, run, room.code, t)));

	const composite = await insertCompositeRecording(ctx.db, { run_id: run.id, file_path: join(runDir(ctx, run), ctx.compositeVideo ? 'room.mp4' : 'room.ogg') });
	const compositeOk = await startEgress(ctx, room.code, composite);

	if (!compositeOk && !started.some(Boolean)) {
		await setRunStatus(ctx.db, run.id, 'done');
		return { ok: false, reason: 'egress_unavailable' };
	}
	await setTranscriptStage(ctx, session.id, 'recording', null);
	await announceTranscribing(ctx, room);
	return { ok: true, run };
}

/** A published track as recording needs it. */
export interface PublishedTrack {
	identity: string;
	sid: string;
	source: TrackSource;
	/** The codec, e.g. `audio/opus`, `video/VP8`, `video/H264`. */
	mimeType: string;
}

const RECORDED: ReadonlyMap<TrackSource, RecordingSource> = new Map([
	[TrackSource.MICROPHONE, 'microphone'],
	[TrackSource.CAMERA, 'camera'],
	[TrackSource.SCREEN_SHARE, 'screen_share']
]);

/**
 * What a track becomes in the record: a microphone (transcribed), a camera or a screen share
 * (unless the deployment records audio only); null for anything else.
 */
export function recordedSource(source: TrackSource, recordVideo = true): RecordingSource | null {
	const recorded = RECORDED.get(source) ?? null;
	return recorded === 'microphone' || recordVideo ? recorded : null;
}

/** The container for a track written as published (no re-encoding): Opus in OGG, VP8/VP9/AV1 in WebM, H.264 in MP4. */
export function containerFor(mimeType: string, source: RecordingSource): 'ogg' | 'webm' | 'mp4' {
	if (source === 'microphone') return 'ogg';
	return /h264|avc/i.test(mimeType) ? 'mp4' : 'webm';
}

/**
 * Records one published track within a live run (idempotent per track): each microphone to
 * its own OGG (so every transcript line has its real speaker), each camera and screen share
 * to its own video file in the codec it was published in.
 */
export async function recordTrack(ctx: RecordingContext, run: RecordingRun, code: string, track: PublishedTrack): Promise<boolean> {
	const source = recordedSource(track.source, ctx.recordVideo);
	if (!source) return true;
	const participant = await findParticipantByIdentity(ctx.db, track.identity);
	const recording = await claimTrackRecording(ctx.db, {
		run_id: run.id,
		kind: source === 'microphone' ? 'track' : 'video',
		source,
		mime_type: track.mimeType || null,
		participant_identity: track.identity,
		speaker_name: participant?.display_name ?? track.identity,
		track_sid: track.sid,
		file_path: join(runDir(ctx, run), `${track.identity}-${track.sid}.${containerFor(track.mimeType, source)}`)
	});
	if (!recording) return true;
	return startEgress(ctx, code, recording);
}

/** A refused start is asked again after this long (the recorder was busy). */
const REFUSED_RETRY_SECONDS = 5;

/** What the recorder is asked for a recording: the room mix, or one track as published. */
function askRecorder(ctx: RecordingContext, code: string, recording: Recording): Promise<EgressInfo> {
	return recording.kind === 'composite'
		? ctx.egress.recordRoom(code, recording.file_path, ctx.compositeVideo)
		: ctx.egress.recordTrack(code, recording.track_sid!, recording.file_path);
}

/**
 * Asks the recorder for one recording, and has the watch check that it really starts writing.
 * If Stop was pressed while it was starting (the stop did not see its egress yet), the run's
 * egresses are stopped again: nothing may go on recording after a stop.
 */
async function startEgress(ctx: RecordingContext, code: string, recording: Recording): Promise<boolean> {
	let ok: boolean;
	try {
		const info = await askRecorder(ctx, code, recording);
		await updateRecording(ctx.db, recording.id, { egress_id: info.egressId, status: recordingStatusOf(info) });
		ok = true;
	} catch (err) {
		console.error(`recording ${recording.id}: egress did not start (attempt ${recording.attempts})`, err);
		await updateRecording(ctx.db, recording.id, { status: 'failed', error: RECORDER_FAILED });
		ok = false;
	}
	const delaySeconds = ok ? Math.ceil(startGraceMs(recording.kind) / 1000) : REFUSED_RETRY_SECONDS;
	await ctx.jobs.enqueue('recording.watch', { recordingId: recording.id, attempt: recording.attempts }, { delaySeconds });
	if (ok && (await findRun(ctx.db, recording.run_id))?.status !== 'recording') await stopRunEgresses(ctx, recording.run_id);
	return ok;
}

/**
 * The `recording.watch` job, once per request to the recorder: a recording of a live run that
 * was refused, or that did not begin writing within its grace, is asked for again (a few
 * times, see start-watch.ts); one whose track is gone is let go. Throws to look again later.
 */
export async function watchRecording(ctx: RecordingContext, recordingId: string, attempt: number, now = Date.now()): Promise<void> {
	const recording = await findRecording(ctx.db, recordingId);
	if (!recording || recording.attempts !== attempt) return; // gone, or a later attempt has its own watch
	const run = await findRun(ctx.db, recording.run_id);
	const room = run && (await findRoomById(ctx.db, run.room_id));
	if (!run || !room) return;
	const runLive = run.status === 'recording';
	let published = true;
	let muted = false;
	if (runLive && recording.track_sid) {
		const participants = await ctx.livekit.listParticipants(room.code); // unreachable: throw, look again
		const track = participants.flatMap((p) => p.tracks).find((t) => t.sid === recording.track_sid);
		published = track !== undefined;
		muted = track?.muted ?? false;
	}
	const verdict = watchVerdict(recording, { runLive, published, muted, now });
	if (verdict === 'done') return;
	if (verdict === 'wait') throw new Error(`recording ${recording.id} is still starting`);
	if (recording.egress_id && recording.status === 'starting') await ctx.egress.stop(recording.egress_id).catch(() => undefined);
	if (verdict === 'give_up') {
		console.error(`recording ${recording.id}: the recorder did not start it after ${recording.attempts} attempts`);
		await updateRecording(ctx.db, recording.id, { status: 'failed', error: RECORDER_FAILED });
		return;
	}
	const again = { ...recording, attempts: recording.attempts + 1, file_path: attemptPath(recording.file_path, recording.attempts + 1) };
	await updateRecording(ctx.db, recording.id, {
		attempts: again.attempts,
		attempted_at: new Date(now),
		file_path: again.file_path,
		egress_id: null,
		status: 'starting',
		error: null
	});
	await startEgress(ctx, room.code, again);
}

/** A track published while recording (a late joiner, a camera turned on, a new share or a takeover) is recorded too. */
export async function onTrackPublished(ctx: RecordingContext, room: Room, track: PublishedTrack) {
	if (!recordedSource(track.source, ctx.recordVideo)) return;
	const run = await findLiveRun(ctx.db, room.id);
	if (run) await recordTrack(ctx, run, room.code, track);
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
	// The live captions kept so far are the transcript at once (after 2 s: the final of what was
	// said just before Stop is on its way); the offline pass follows.
	await ctx.jobs.enqueue('transcript.live', { sessionId: run.session_id }, { delaySeconds: 2 });
	const unstopped = await stopRunEgresses(ctx, run.id);
	await ctx.jobs.enqueue('recording.finalize', { runId: run.id });
	await announceTranscribing(ctx, room);
	return { ok: true, run, unstopped };
}

/** A recording makes the meeting transcribed: the call's browsers hear it from the room metadata. */
async function announceTranscribing(ctx: RecordingContext, room: Room): Promise<void> {
	await publishRoomMetadata(ctx, room).catch((err: unknown) => console.warn(`room metadata of ${room.code}: not published (${(err as Error).message})`));
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

/**
 * Stops every live recording when the disk where recordings go is almost full: what was
 * written is kept and goes to the pipeline as after a normal stop; the meeting is told why.
 * True when something was stopped.
 */
export async function stopWhenDiskLow(ctx: RecordingContext): Promise<boolean> {
	if ((await freeBytes(ctx.recordingsPath).catch(() => Infinity)) >= ctx.minFreeBytes) return false;
	const live = await liveRuns(ctx.db);
	for (const run of live) {
		const room = await findRoomById(ctx.db, run.room_id);
		if (!room) continue;
		await setStopReason(ctx.db, run.id, 'disk_full');
		const stopped = await stopRecording(ctx, room);
		if (stopped.ok) await setTranscriptStage(ctx, run.session_id, 'waiting', DISK_FULL_NOTICE);
	}
	return live.length > 0;
}

/** Applies an egress state change, from a webhook or from the reconciliation poll. */
export async function applyEgressInfo(ctx: RecordingContext, info: EgressInfo): Promise<void> {
	const recording = await findRecordingByEgress(ctx.db, info.egressId);
	if (!recording) return;
	// LiveKit may deliver an egress's last egress_updated (ENDING) after its egress_ended: a
	// finished recording stays finished (else the run's finalize waits on it for ever).
	if ((recording.status === 'complete' || recording.status === 'failed') && !isTerminal(info)) return;
	const status = recordingStatusOf(info);
	if (info.error) console.error(`recording ${recording.id}: egress ${info.egressId} reported: ${info.error}`);
	const span = mediaSpan(info);
	await updateRecording(ctx.db, recording.id, {
		status,
		error: status === 'failed' ? RECORDER_FAILED : null,
		started_at: span.startedAt,
		ended_at: span.endedAt
	});
	if (isTerminal(info)) {
		const run = await findRun(ctx.db, recording.run_id);
		if (run?.status === 'stopping') await ctx.jobs.enqueue('recording.finalize', { runId: run.id });
	}
}

/**
 * Recorders that died with their Egress worker or media node (see recorderLost): what each
 * wrote is kept, ending when its file was last written; while the run records, the mix and
 * every track still published go on in a new segment (a track republished after a node's
 * failover has a new sid and is recorded as any new track). Returns how many were lost.
 */
export async function recoverLostRecorders(
	ctx: RecordingContext,
	run: RecordingRun,
	code: string,
	inRoom: ParticipantInfo[],
	reported: EgressInfo[],
	now = Date.now()
): Promise<number> {
	const present = new Set(inRoom.map((p) => p.identity));
	const reportedLive = new Set(reported.filter((e) => !isTerminal(e)).map((e) => e.egressId));
	const published = new Set(inRoom.flatMap((p) => p.tracks.map((t) => t.sid)));
	let lost = 0;
	for (const recording of await runRecordings(ctx.db, run.id)) {
		const egressId = recording.egress_id;
		if (!egressId || !recorderLost(recording, { inRoom: present.has(egressId), reportedLive: reportedLive.has(egressId), now })) continue;
		lost++;
		const lastWrite = await stat(recording.file_path).then((s) => s.mtime, () => new Date(now));
		console.error(`recording ${recording.id}: its recorder (egress ${egressId}) is gone; keeping what it wrote`);
		await updateRecording(ctx.db, recording.id, { status: 'complete', error: null, ended_at: lastWrite < new Date(now) ? lastWrite : new Date(now) });
		await ctx.egress.stop(egressId).catch(() => undefined); // LiveKit still lists it as active
		// Read now, not from the caller: the host may have pressed Stop meanwhile.
		if ((await findRun(ctx.db, run.id))?.status !== 'recording') continue;
		if (recording.kind !== 'composite' && !published.has(recording.track_sid ?? '')) continue;
		const next = await insertNextSegment(ctx.db, recording, segmentPath(recording.file_path, recording.segment + 1));
		if (next) await startEgress(ctx, code, next);
	}
	return lost;
}
