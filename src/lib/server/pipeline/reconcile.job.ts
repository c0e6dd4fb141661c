import type { ParticipantInfo, Room as LivekitRoom } from 'livekit-server-sdk';
import { mayStay } from '../access/room-policy';
import type { MeetingSession } from '../db/schema';
import { openSessions } from '../meetings/session.repository';
import { runRecordings, unsettledRuns } from '../recordings/recording.repository';
import { applyEgressInfo, recordedSource, recordTrack, recoverLostRecorders, stopRecording, stopWhenDiskLow } from '../recordings/recording.service';
import { applyRetention } from '../records/record-deletion.service';
import { findRoomById } from '../rooms/room.repository';
import { sessionParticipants, updateParticipant } from '../rooms/participant.repository';
import { onParticipantReturned, onShareGone } from '../screen-share/screen-share.service';
import { pendingPartsOfRun } from '../transcription/transcript-parts.repository';
import { scheduleLiveNotes } from '../live/live-notes.job';
import { closeMeeting } from './meeting-end.service';
import type { PipelineContext } from './pipeline-context';
import { isStandardParticipant } from '../livekit/participant-kind';
import { needsWatch } from '../recordings/start-watch';
import { ensureTranscriber } from '../captions/transcriber.service';
import { queueUnindexedSessions } from '../memory/index.job';

/** A session younger than this, or with a seat just taken, may not have its LiveKit room yet. */
const SESSION_SETTLE_MS = 60_000;

/**
 * The safety net for lost webhooks, every 15 s: what LiveKit and Egress report is the truth,
 * and the database is brought in line with it.
 */
export async function reconcile(ctx: PipelineContext): Promise<void> {
	await stopWhenDiskLow(ctx);
	await reconcileSessions(ctx);
	await reconcileRecordings(ctx);
	await applyRetention(ctx, ctx.retentionDays);
	// Meetings held before search existed (or whose index job was lost) become searchable, a batch at a time.
	await queueUnindexedSessions(ctx).catch((err: unknown) => console.error('reconcile: memory index:', err));
}

/**
 * Meetings: a session whose LiveKit room is gone (room_finished lost) ends; presence follows
 * LiveKit's participant list (join/leave webhooks lost); anyone in a LiveKit room who may not
 * be there (a removed guest reconnecting with an old token) is removed again.
 */
export async function reconcileSessions(ctx: PipelineContext, now = Date.now()): Promise<void> {
	let rooms: LivekitRoom[];
	try {
		rooms = await ctx.livekit.listRooms();
	} catch {
		return; // LiveKit unreachable: nothing can be compared now
	}
	for (const session of await openSessions(ctx.db)) {
		const room = await findRoomById(ctx.db, session.room_id);
		if (!room) continue;
		const live = rooms.find((r) => r.name === session.code);
		const gone = !live || (session.livekit_room_sid !== null && live.sid !== session.livekit_room_sid);
		if (gone) {
			if (await settled(ctx, session, now)) await closeMeeting(ctx, room, session.id);
			continue;
		}
		const inLivekit = await ctx.livekit.listParticipants(room.code).catch(() => null);
		if (inLivekit) await syncPresence(ctx, room.code, session, inLivekit.filter(isStandardParticipant), now);
		// A refresh of the rolling notes that was never asked for (or whose job was lost).
		await scheduleLiveNotes(ctx, session.id, undefined, now).catch((err: unknown) => console.error(`rolling notes of ${session.id}:`, err));
		// A transcriber lost with no webhook (or none dispatched yet because no worker was up).
		await ensureTranscriber(ctx.livekit, room, inLivekit ?? undefined).catch((err: unknown) => console.error(`reconcile: transcriber of ${room.code}:`, err));
	}
}

async function settled(ctx: PipelineContext, session: MeetingSession, now: number): Promise<boolean> {
	if (now - session.started_at.getTime() < SESSION_SETTLE_MS) return false;
	const participants = await sessionParticipants(ctx.db, session.id);
	return !participants.some((p) => p.admitted_at && now - p.admitted_at.getTime() < SESSION_SETTLE_MS);
}

async function syncPresence(ctx: PipelineContext, code: string, session: MeetingSession, inLivekit: ParticipantInfo[], now: number): Promise<void> {
	const room = await findRoomById(ctx.db, session.room_id);
	if (!room) return;
	for (const p of inLivekit) {
		const verdict = await mayStay(ctx.db, room, p.identity);
		if (!verdict.ok) await ctx.livekit.removeParticipant(code, p.identity).catch(() => undefined);
	}
	const here = new Map(inLivekit.map((p) => [p.identity, p]));
	for (const participant of await sessionParticipants(ctx.db, session.id)) {
		const seen = here.get(participant.identity);
		const present = participant.joined_at !== null && participant.left_at === null;
		if (seen && !present && !participant.removed_at) {
			await updateParticipant(ctx.db, participant.id, { joined_at: new Date(now), left_at: null, livekit_sid: seen.sid });
			await onParticipantReturned(ctx, room, participant.identity);
		} else if (!seen && present) {
			await updateParticipant(ctx.db, participant.id, { left_at: new Date(now), left_sid: participant.livekit_sid });
			await onShareGone(ctx, room, participant.identity);
		}
	}
}

/**
 * Recordings: applies egresses that ended, records tracks nobody recorded yet, watches those
 * that have not begun writing, keeps
 * retrying stops the recorder did not confirm, finalizes stopped runs, stops the recording of
 * a meeting that is over, and re-queues transcription of parts whose job was lost.
 */
export async function reconcileRecordings(ctx: PipelineContext): Promise<void> {
	for (const run of await unsettledRuns(ctx.db)) {
		if (run.status === 'processing') {
			for (const recordingId of await pendingPartsOfRun(ctx.db, run.id)) await ctx.jobs.enqueue('transcript.track', { recordingId });
			await ctx.jobs.enqueue('transcript.merge', { sessionId: run.session_id });
			continue;
		}
		const known = await runRecordings(ctx.db, run.id);
		const egresses = await ctx.egress.list(run.code).catch(() => []);
		for (const info of egresses) {
			if (known.some((r) => r.egress_id === info.egressId)) await applyEgressInfo(ctx, info);
		}
		const room = await findRoomById(ctx.db, run.room_id);
		if (!room) continue;
		// Recorders that died with their Egress worker: LiveKit never reports them ended.
		const inRoom = await ctx.livekit.listParticipants(run.code).catch(() => null);
		if (inRoom) await recoverLostRecorders(ctx, run, run.code, inRoom, egresses);
		if (run.status === 'recording') {
			const session = (await openSessions(ctx.db)).find((s) => s.id === run.session_id);
			if (!session) {
				await stopRecording(ctx, room); // the meeting ended while recording
				continue;
			}
			// A watch lost with its job, or a muted camera whose egress has still not begun:
			// the recorder watch looks at it again.
			for (const r of known) {
				if (needsWatch(r, Date.now())) await ctx.jobs.enqueue('recording.watch', { recordingId: r.id, attempt: r.attempts });
			}
			for (const p of inRoom ?? []) {
				for (const t of p.tracks) {
					if (recordedSource(t.source, ctx.recordVideo) && !known.some((r) => r.track_sid === t.sid)) {
						await recordTrack(ctx, run, run.code, { identity: p.identity, sid: t.sid, source: t.source, mimeType: t.mimeType });
					}
				}
			}
		} else {
			if (run.stop_error) await ctx.jobs.enqueue('recording.stop', { runId: run.id });
			await ctx.jobs.enqueue('recording.finalize', { runId: run.id });
		}
	}
}
