import type { Db } from '../db';
import type { MeetingSession, Recording } from '../db/schema';
import { pastSessions } from '../meetings/session.repository';
import { findLiveRunOfSession, sessionRecordingFile, sessionRecordings } from '../recordings/recording.repository';
import { partsOf } from '../transcription/transcript-parts.repository';

/** What a meeting's record page shows: never raw rows with file paths. */
export interface MeetingRecord {
	sessionId: string;
	startedAt: string;
	endedAt: string | null;
	transcriptStatus: MeetingSession['transcript_status'];
	transcriptDetail: string | null;
	transcript: MeetingSession['transcript'];
	playback: { recordingId: string; kind: Recording['kind']; video: boolean } | null;
	speakers: { name: string; status: Recording['status']; transcript: 'pending' | 'done' | 'failed' | null; error: string | null }[];
	recording: boolean;
}

export async function meetingRecord(db: Db, session: MeetingSession): Promise<MeetingRecord> {
	const recordings = await sessionRecordings(db, session.id);
	const live = await findLiveRunOfSession(db, session.id);
	const partOf = new Map((await partsOf(db, recordings.map((r) => r.id))).map((p) => [p.recording_id, p]));
	const playable = recordings.find((r) => r.kind === 'composite' && r.status === 'complete') ?? recordings.find((r) => r.status === 'complete');
	return {
		sessionId: session.id,
		startedAt: session.started_at.toISOString(),
		endedAt: session.ended_at?.toISOString() ?? null,
		transcriptStatus: session.transcript_status,
		transcriptDetail: session.transcript_detail,
		transcript: session.transcript,
		playback: playable ? { recordingId: playable.id, kind: playable.kind, video: playable.file_path.endsWith('.mp4') } : null,
		speakers: recordings
			.filter((r) => r.kind === 'track')
			.map((r) => ({
				name: r.speaker_name ?? 'Unknown',
				status: r.status,
				transcript: partOf.get(r.id)?.status ?? null,
				error: partOf.get(r.id)?.error ?? r.error
			})),
		recording: Boolean(live)
	};
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
