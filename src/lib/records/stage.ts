import type { InsightsStatus } from '../insights/types';
import type { TranscriptStatus } from '../transcript/status';

/** The LiveKit data topic on which the server tells the room where its meeting record is. */
export const RECORD_STAGE_TOPIC = 'record-stage';

/** What the server broadcasts whenever the transcript's or the insights' stage changes. */
export interface RecordStage {
	sessionId: string;
	/** The session's count of stage changes when this was read: later reads say more. */
	seq: number;
	transcriptStatus: TranscriptStatus;
	transcriptDetail: string | null;
	insightsStatus: InsightsStatus;
	insightsDetail: string | null;
}

/**
 * Whether an announcement heard now says more than the one held. Two jobs may each read the
 * session and send its stage at once, and their messages may arrive in either order: an
 * announcement of the same session read before the held one is stale. Another session's is
 * news (a new meeting in the room).
 */
export function isNewerStage(held: Pick<RecordStage, 'sessionId' | 'seq'> | null, heard: Pick<RecordStage, 'sessionId' | 'seq'>): boolean {
	return !held || held.sessionId !== heard.sessionId || heard.seq > held.seq;
}

/** Whether the announced stage is ahead of the record read (the record, read after it, may be newer still). */
export function isStageAhead(stage: Pick<RecordStage, 'sessionId' | 'seq'>, record: { sessionId: string; stageSeq: number } | null): boolean {
	return isNewerStage(record && { sessionId: record.sessionId, seq: record.stageSeq }, stage);
}
