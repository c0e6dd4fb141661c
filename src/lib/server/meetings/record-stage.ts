import { DataPacket_Kind, type RoomServiceClient } from 'livekit-server-sdk';
import { RECORD_STAGE_TOPIC, type RecordStage } from '../../records/stage';
import type { Db } from '../db';
import type { InsightsStatus, TranscriptStatus } from '../db/schema';
import { findRoomById } from '../rooms/room.repository';
import { findSessionById, setInsightsStatus, setOfflineTranscriptStatus, setTranscriptStatus } from './session.repository';

/** The note of a live transcript while the offline pass works on the recordings. */
export const LIVE_IMPROVING = 'Live transcript. The recordings are being transcribed for a more accurate one…';
/** The note of a live transcript the offline pass did not replace. */
export const LIVE_KEPT = 'Live transcript: the recordings could not be transcribed for every speaker, so the live one is kept.';

/**
 * Tells the people in the room where their meeting record is (recording, transcribing 2 of 3
 * speakers, writing insights, ready): one reliable data message on the `record-stage` topic
 * whenever a stage changes, so no browser polls. Nobody left to tell (the room has closed) is
 * fine: the record page reads the same state from the database.
 */
export async function announceStage(ctx: { db: Db; livekit: RoomServiceClient }, sessionId: string): Promise<void> {
	const session = await findSessionById(ctx.db, sessionId);
	const room = session && (await findRoomById(ctx.db, session.room_id));
	if (!session || !room || session.ended_at) return;
	const stage: RecordStage = {
		sessionId,
		seq: session.stage_seq,
		transcriptStatus: session.transcript_status,
		transcriptDetail: session.transcript_detail,
		insightsStatus: session.insights_status,
		insightsDetail: session.insights_detail
	};
	try {
		await ctx.livekit.sendData(room.code, new TextEncoder().encode(JSON.stringify(stage)), DataPacket_Kind.RELIABLE, { topic: RECORD_STAGE_TOPIC });
	} catch (err) {
		console.warn(`record stage of ${sessionId}: the room did not get it (${(err as Error).message})`);
	}
}

type StageContext = { db: Db; livekit: RoomServiceClient };

/** Sets the transcript's stage and tells the room. */
export async function setTranscriptStage(ctx: StageContext, sessionId: string, status: TranscriptStatus, detail: string | null): Promise<void> {
	await setTranscriptStatus(ctx.db, sessionId, status, detail);
	await announceStage(ctx, sessionId);
}

/** Sets the insights' stage and tells the room. */
export async function setInsightsStage(ctx: StageContext, sessionId: string, status: InsightsStatus, detail: string | null): Promise<void> {
	await setInsightsStatus(ctx.db, sessionId, status, detail);
	await announceStage(ctx, sessionId);
}

/** The offline pass's stage; a session showing its live transcript keeps it ready (see setOfflineTranscriptStatus). */
export async function setOfflineTranscriptStage(ctx: StageContext, sessionId: string, status: TranscriptStatus, detail: string | null): Promise<void> {
	await setOfflineTranscriptStatus(ctx.db, sessionId, status, detail, LIVE_IMPROVING);
	await announceStage(ctx, sessionId);
}
