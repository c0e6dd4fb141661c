import type { Cookies } from '@sveltejs/kit';
import { isHostOf, joinPassParticipant } from '../auth/room-cookies';
import type { AppContext } from '../context';
import type { MeetingSession, Recording, Room } from '../db/schema';
import { findParticipant } from '../rooms/participant.repository';
import { sessionRecordings } from './recording.repository';

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

/** The host, and anyone who took part in this session, may open its record. */
export async function canViewSession(ctx: AppContext, cookies: Cookies, room: Room, session: MeetingSession): Promise<boolean> {
	if (isHostOf(cookies, room.code, room.id)) return true;
	const participantId = joinPassParticipant(cookies, room.code);
	const participant = participantId ? await findParticipant(ctx.db, participantId) : undefined;
	return participant?.session_id === session.id;
}

export async function findSession(ctx: AppContext, roomId: string, sessionId: string): Promise<MeetingSession | undefined> {
	return ctx.db.selectFrom('meeting_sessions').selectAll().where('id', '=', sessionId).where('room_id', '=', roomId).executeTakeFirst();
}

export async function meetingRecord(ctx: AppContext, session: MeetingSession): Promise<MeetingRecord> {
	const recordings = await sessionRecordings(ctx.db, session.id);
	const live = await ctx.db
		.selectFrom('recording_runs')
		.select('id')
		.where('session_id', '=', session.id)
		.where('status', '=', 'recording')
		.executeTakeFirst();
	const parts = await ctx.db
		.selectFrom('transcript_parts')
		.select(['recording_id', 'status', 'error'])
		.where('recording_id', 'in', recordings.length ? recordings.map((r) => r.id) : ['00000000-0000-0000-0000-000000000000'])
		.execute();
	const partOf = new Map(parts.map((p) => [p.recording_id, p]));
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
export async function recordingFile(ctx: AppContext, sessionId: string, recordingId: string): Promise<string | undefined> {
	const row = await ctx.db
		.selectFrom('recordings')
		.innerJoin('recording_runs', 'recording_runs.id', 'recordings.run_id')
		.select('recordings.file_path')
		.where('recordings.id', '=', recordingId)
		.where('recording_runs.session_id', '=', sessionId)
		.where('recordings.status', '=', 'complete')
		.executeTakeFirst();
	return row?.file_path;
}

/** Past meetings of a room, newest first, for its host. */
export async function pastSessions(ctx: AppContext, roomId: string) {
	return ctx.db
		.selectFrom('meeting_sessions')
		.select(['id', 'started_at', 'ended_at', 'transcript_status'])
		.select((eb) =>
			eb
				.selectFrom('participants')
				.select((p) => p.fn.countAll<string>().as('n'))
				.whereRef('participants.session_id', '=', 'meeting_sessions.id')
				.as('participants')
		)
		.where('room_id', '=', roomId)
		.orderBy('started_at', 'desc')
		.limit(100)
		.execute();
}
