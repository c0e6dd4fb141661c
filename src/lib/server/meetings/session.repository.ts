import type { Db } from '../db';
import { sql } from 'kysely';
import type { InsightsStatus, MeetingSession, TranscriptLine, TranscriptSource, TranscriptStatus } from '../db/schema';

/** The room's open session, creating it if there is none (race-safe via the partial unique index). */
export async function openSession(db: Db, roomId: string): Promise<MeetingSession> {
	await db
		.insertInto('meeting_sessions')
		.values({ room_id: roomId })
		.onConflict((oc) => oc.column('room_id').where('ended_at', 'is', null).doNothing())
		.execute();
	return db
		.selectFrom('meeting_sessions')
		.selectAll()
		.where('room_id', '=', roomId)
		.where('ended_at', 'is', null)
		.executeTakeFirstOrThrow();
}

export async function findOpenSession(db: Db, roomId: string): Promise<MeetingSession | undefined> {
	return db.selectFrom('meeting_sessions').selectAll().where('room_id', '=', roomId).where('ended_at', 'is', null).executeTakeFirst();
}

export async function findSessionById(db: Db, id: string): Promise<MeetingSession | undefined> {
	return db.selectFrom('meeting_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A session of this room (never another room's, whatever id is asked for). */
export async function findRoomSession(db: Db, roomId: string, id: string): Promise<MeetingSession | undefined> {
	return db.selectFrom('meeting_sessions').selectAll().where('id', '=', id).where('room_id', '=', roomId).executeTakeFirst();
}

/** Ends the session if it is open; true when this call ended it. */
export async function markSessionEnded(db: Db, id: string, at: Date): Promise<boolean> {
	const result = await db.updateTable('meeting_sessions').set({ ended_at: at }).where('id', '=', id).where('ended_at', 'is', null).executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** Records which LiveKit room the session lives in, the first time it is known. */
export async function claimLivekitRoom(db: Db, id: string, sid: string): Promise<void> {
	await db.updateTable('meeting_sessions').set({ livekit_room_sid: sid }).where('id', '=', id).where('livekit_room_sid', 'is', null).execute();
}

/** Every change of stage counts one (see migration 0019). */
const nextStage = sql<number>`stage_seq + 1`;

/** Records where a session's transcript is, with a line the transcript panel shows. */
export async function setTranscriptStatus(db: Db, sessionId: string, status: TranscriptStatus, detail: string | null): Promise<void> {
	await db.updateTable('meeting_sessions').set({ transcript_status: status, transcript_detail: detail, stage_seq: nextStage }).where('id', '=', sessionId).execute();
}

/** Records where a session's insights are, with a line the record page and the panel show. */
export async function setInsightsStatus(db: Db, sessionId: string, status: InsightsStatus, detail: string | null): Promise<void> {
	await db.updateTable('meeting_sessions').set({ insights_status: status, insights_detail: detail, stage_seq: nextStage }).where('id', '=', sessionId).execute();
}

/**
 * Marks a session's insights queued (`pending`, with `detail`) if it has none yet: insights
 * written already, or being written, are not hidden behind a queued job. True when it did.
 */
export async function markInsightsQueued(db: Db, sessionId: string, detail: string): Promise<boolean> {
	const marked = await db
		.updateTable('meeting_sessions')
		.set({ insights_status: 'pending', insights_detail: detail, stage_seq: nextStage })
		.where('id', '=', sessionId)
		.where('insights_status', '=', 'none')
		.executeTakeFirst();
	return marked.numUpdatedRows > 0n;
}

/** Stores the session's transcript and where it came from. */
export async function saveTranscript(db: Db, sessionId: string, transcript: TranscriptLine[], source: TranscriptSource = 'offline'): Promise<void> {
	await db.updateTable('meeting_sessions').set({ transcript: JSON.stringify(transcript), transcript_source: source }).where('id', '=', sessionId).execute();
}

/**
 * The offline pass's progress. A session whose live transcript is already there stays
 * `ready` (the record shows it) and only its note changes to `liveNote`.
 */
export async function setOfflineTranscriptStatus(db: Db, sessionId: string, status: TranscriptStatus, detail: string | null, liveNote: string | null): Promise<void> {
	await db
		.updateTable('meeting_sessions')
		.set({
			transcript_status: sql<TranscriptStatus>`CASE WHEN transcript_source = 'live' THEN 'ready' ELSE ${status} END`,
			transcript_detail: sql<string | null>`CASE WHEN transcript_source = 'live' THEN ${liveNote}::text ELSE ${detail}::text END`,
			stage_seq: nextStage
		})
		.where('id', '=', sessionId)
		.execute();
}

/** Open sessions with their room's code, for the reconciliation poll. */
export async function openSessions(db: Db): Promise<(MeetingSession & { code: string })[]> {
	return db
		.selectFrom('meeting_sessions')
		.innerJoin('rooms', 'rooms.id', 'meeting_sessions.room_id')
		.selectAll('meeting_sessions')
		.select('rooms.code')
		.where('meeting_sessions.ended_at', 'is', null)
		.execute();
}

/** Past meetings of a room, newest first, with how many took part. */
export async function pastSessions(db: Db, roomId: string) {
	return db
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

/** Forgets a session's transcript and insights stage (its recording was deleted). */
export async function resetRecord(db: Db, sessionId: string): Promise<void> {
	await db
		.updateTable('meeting_sessions')
		.set({ transcript: '[]', transcript_source: null, transcript_status: 'none', transcript_detail: null, insights_status: 'none', insights_detail: null, stage_seq: nextStage })
		.where('id', '=', sessionId)
		.execute();
}

/** A removal makes the rest of the meeting ask to join (`at`); the host opening the room lifts it (null). */
export async function setLobbyForced(db: Db, sessionId: string, at: Date | null): Promise<void> {
	await db.updateTable('meeting_sessions').set({ lobby_forced_at: at }).where('id', '=', sessionId).execute();
}

/** The host's Transcribe: since when this meeting keeps its captions (null: it does not). */
export async function setSessionTranscribing(db: Db, sessionId: string, at: Date | null): Promise<void> {
	await db.updateTable('meeting_sessions').set({ transcribing_at: at }).where('id', '=', sessionId).execute();
}
