import { stat } from 'node:fs/promises';
import { m } from '#lib/paraglide/messages';
import type { InsightsView } from '../../insights/types';
import type { MeetingRecord } from '../../records/meeting-record';
import { recordNote } from '../../records/record-notes';
import { gapOnClock, mergeGaps, recordingGaps } from '../../records/recording-gaps';
import type { Db } from '../db';
import type { MeetingSession } from '../db/schema';
import { INSIGHTS_OFF } from '../insights/generate-insights.job';
import { latestInsights } from '../insights/insights.repository';

export type { MeetingRecord };
import { LIVE_IMPROVING } from '../meetings/record-stage';
import { pastSessions } from '../meetings/session.repository';
import { sessionMediaGaps } from '../recordings/media-restart.repository';
import { roomMix } from '../recordings/joined-mix';
import { findLiveRunOfSession, sessionRecordingFile, sessionRecordings } from '../recordings/recording.repository';
import { transcriptOrigin } from '../transcription/transcript-origin';
import { partsOf } from '../transcription/transcript-parts.repository';
import { sessionHands } from '../hands/hands.repository';

/** The session's insights as readers see them: the stage, and the last ones written. */
async function insightsView(db: Db, session: MeetingSession, engineConfigured: boolean): Promise<InsightsView> {
	const row = await latestInsights(db, session.id);
	const status = session.insights_status === 'none' && session.transcript_status === 'ready' && !engineConfigured ? 'off' : session.insights_status;
	return {
		status,
		detail: recordNote(status === 'off' ? INSIGHTS_OFF : session.insights_detail),
		engine: row?.engine ?? null,
		model: row?.model ?? null,
		insights: row?.status === 'ready' ? row.insights : null,
		dropped: row?.dropped ?? 0,
		flagged: row?.flagged ?? 0,
		generatedAt: row?.status === 'ready' ? row.updated_at.toISOString() : null
	};
}

export async function meetingRecord(db: Db, session: MeetingSession, engineConfigured = true): Promise<MeetingRecord> {
	const recordings = await sessionRecordings(db, session.id);
	const live = await findLiveRunOfSession(db, session.id);
	const partOf = new Map((await partsOf(db, recordings.map((r) => r.id))).map((p) => [p.recording_id, p]));
	const playable = roomMix(recordings) ?? recordings.find((r) => r.kind === 'track' && r.status === 'complete');
	const origin = transcriptOrigin(recordings);
	const seconds = (at: Date | null) => (at ? Math.round((at.getTime() - origin) / 10) / 100 : null);
	return {
		sessionId: session.id,
		stageSeq: session.stage_seq,
		startedAt: session.started_at.toISOString(),
		endedAt: session.ended_at?.toISOString() ?? null,
		transcriptStatus: session.transcript_status,
		transcriptDetail: recordNote(session.transcript_detail),
		liveImproving: session.transcript_source === 'live' && session.transcript_detail === LIVE_IMPROVING,
		transcript: session.transcript,
		gaps: mergeGaps(
			recordingGaps(recordings.filter((r) => r.kind === 'track' && r.started_at).map((r) => ({ startMs: r.started_at!.getTime(), endMs: r.ended_at?.getTime() ?? null }))),
			(await sessionMediaGaps(db, session.id)).map((g) => ({ startMs: g.gap_start.getTime(), endMs: g.gap_end.getTime(), reason: 'failover' as const }))
		)
			.map((g) => ({ ...gapOnClock(g.startMs, g.endMs, origin), ...(g.reason ? { reason: g.reason } : {}) }))
			.filter((g) => g.endAt > g.startAt), // wholly before the room mix began: nothing to mark on its clock
		playback: playable ? { recordingId: playable.id, kind: playable.kind === 'composite' ? 'composite' : 'track', video: playable.file_path.endsWith('.mp4') } : null,
		videos: recordings
			.filter((r) => r.kind === 'video' && r.status === 'complete' && r.started_at)
			.map((r) => ({
				id: r.id,
				identity: r.participant_identity ?? '',
				name: r.speaker_name ?? m.server_someone(),
				source: r.source === 'screen_share' ? 'screen_share' : 'camera',
				startAt: seconds(r.started_at)!,
				endAt: seconds(r.ended_at)
			})),
		speakers: recordings
			.filter((r) => r.kind === 'track')
			.map((r) => ({
				name: r.speaker_name ?? m.server_unknown_speaker(),
				status: r.status,
				transcript: partOf.get(r.id)?.status ?? null,
				error: recordNote(partOf.get(r.id)?.error ?? r.error)
			})),
		recording: Boolean(live),
		storageBytes: await filesSize(recordings.map((r) => r.file_path)),
		insights: await insightsView(db, session, engineConfigured),
		hands: (await sessionHands(db, session.id)).map((h) => ({
			name: h.name,
			raisedAt: h.raised_at.toISOString(),
			loweredAt: h.lowered_at?.toISOString() ?? null,
			loweredBy: h.lowered_by,
			at: recordings.length ? Math.max(0, seconds(h.raised_at)!) : null
		}))
	};
}

/** Bytes on disk of the given files (missing files count nothing). */
async function filesSize(paths: string[]): Promise<number> {
	const sizes = await Promise.all(paths.map((p) => stat(p).then((s) => s.size, () => 0)));
	return sizes.reduce((a, b) => a + b, 0);
}

/** The file of one of this session's recordings, for the player. */
export async function recordingFile(db: Db, sessionId: string, recordingId: string): Promise<string | undefined> {
	return sessionRecordingFile(db, sessionId, recordingId);
}

/** Past meetings of a room, newest first, for its host. */
export async function pastMeetings(db: Db, roomId: string) {
	const sessions = await pastSessions(db, roomId);
	return sessions.map((s) => ({
		id: s.id,
		startedAt: s.started_at.toISOString(),
		endedAt: s.ended_at?.toISOString() ?? null,
		transcriptStatus: s.transcript_status,
		participants: Number(s.participants ?? 0)
	}));
}
