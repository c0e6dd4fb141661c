import type { InsightsStatus } from '../insights/types';
import type { TranscriptStatus } from '../transcript/status';

/** The LiveKit data topic on which the server tells the room where its meeting record is. */
export const RECORD_STAGE_TOPIC = 'record-stage';

/** What the server broadcasts whenever the transcript's or the insights' stage changes. */
export interface RecordStage {
	sessionId: string;
	transcriptStatus: TranscriptStatus;
	transcriptDetail: string | null;
	insightsStatus: InsightsStatus;
	insightsDetail: string | null;
}
