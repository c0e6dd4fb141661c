import type { InsightsView } from '../insights/types';
import type { GapView } from './recording-gaps';
import type { StageVideo } from './stage-timeline';
import type { TranscriptStatus } from '../transcript/status';
import type { TranscriptLine } from '../transcript/types';

/** What a meeting's record shows (the record page and the in-call panel): never file paths. */
export interface MeetingRecord {
	sessionId: string;
	/** The session's count of stage changes when this was read (see RecordStage.seq). */
	stageSeq: number;
	startedAt: string;
	endedAt: string | null;
	transcriptStatus: TranscriptStatus;
	transcriptDetail: string | null;
	/** The live transcript is shown while the offline pass over the recordings may still replace it. */
	liveImproving?: boolean;
	transcript: TranscriptLine[];
	/** Stretches in which no speaker's audio was recorded (a media node's failover), on the transcript's clock. */
	gaps: GapView[];
	/** The audio the page plays (the room's mix): the clock every video follows. */
	playback: { recordingId: string; kind: 'composite' | 'track'; video: boolean } | null;
	/** Cameras and screen shares, on the playback's clock; the page shows them as a stage. */
	videos: StageVideo[];
	speakers: { name: string; status: 'starting' | 'active' | 'complete' | 'failed'; transcript: 'pending' | 'done' | 'failed' | null; error: string | null }[];
	recording: boolean;
	/** The recording files' total size in bytes (what deleting the recording frees). */
	storageBytes: number;
	insights: InsightsView;
	/** Every hand raised, in order: the meeting's timeline. */
	hands: HandMoment[];
}

/** A hand raised during the meeting. */
export interface HandMoment {
	name: string;
	/** ISO 8601 */
	raisedAt: string;
	loweredAt: string | null;
	/** Who lowered it: its owner, a host or co-host, itself after its owner spoke, or its owner left. */
	loweredBy: 'self' | 'moderator' | 'spoke' | 'left' | null;
	/** On the transcript's clock (seconds from the start of the room mix); null when nothing was recorded. */
	at: number | null;
}
