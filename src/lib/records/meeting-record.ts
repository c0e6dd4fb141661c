import type { InsightsView } from '../insights/types';
import type { TranscriptStatus } from '../transcript/status';
import type { TranscriptLine } from '../transcript/types';

/** What a meeting's record shows (the record page and the in-call panel): never file paths. */
export interface MeetingRecord {
	sessionId: string;
	startedAt: string;
	endedAt: string | null;
	transcriptStatus: TranscriptStatus;
	transcriptDetail: string | null;
	transcript: TranscriptLine[];
	playback: { recordingId: string; kind: 'composite' | 'track'; video: boolean } | null;
	speakers: { name: string; status: 'starting' | 'active' | 'complete' | 'failed'; transcript: 'pending' | 'done' | 'failed' | null; error: string | null }[];
	recording: boolean;
	insights: InsightsView;
}
