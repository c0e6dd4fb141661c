/** One line of MeetingSession.transcript (the seed's shape, extended only, never renamed). */
export interface TranscriptLine {
	speaker: string;
	text: string;
	/** Seconds since the meeting started. */
	timestamp: number;
	isActive: boolean;
	/** Seconds since the meeting started. */
	end?: number;
	participantIdentity?: string;
	segmentId?: string;
}

/** A recognized word; times are seconds from the start of its recording. */
export interface SpeechWord {
	start: number;
	end: number;
	word: string;
	probability?: number;
}

/** A recognized stretch of speech; times are seconds from the start of its recording. */
export interface SpeechSegment {
	start: number;
	end: number;
	text: string;
	words?: SpeechWord[];
}
