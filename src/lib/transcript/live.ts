import type { Citation, InsightItem, MeetingInsights } from '../insights/types';
import type { TranscriptLine } from './types';

/** One final caption as the server keeps it (times in wall-clock milliseconds). */
export interface LiveSegmentFacts {
	segmentId: string;
	participantIdentity: string;
	speakerName: string;
	text: string;
	startedAtMs: number;
	endedAtMs: number;
}

/** A line of the live transcript as a browser reads it. */
export interface LiveLine {
	segmentId: string;
	speaker: string;
	participantIdentity: string;
	text: string;
	/** ISO times of the utterance. */
	startedAt: string;
	endedAt: string;
	/** Seconds since the meeting started. */
	at: number;
}

/** A citation of the rolling notes, with the moment it points at as the live transcript has it. */
export interface CatchUpCitation extends Citation {
	/** ISO time the line was said (or the message written). */
	time: string;
	text: string;
}

export type CatchUpItem = Omit<InsightItem, 'citations'> & { citations: CatchUpCitation[] };

/** Catch me up: the rolling notes so far, and what was said since they were written. */
export interface CatchUp {
	notes: {
		summary: string;
		keyPoints: CatchUpItem[];
		decisions: CatchUpItem[];
		actionItems: CatchUpItem[];
		openQuestions: CatchUpItem[];
		/** When these notes were written (ISO). */
		writtenAt: string;
	} | null;
	/** Live lines that arrived after the notes were written (all of them when there are none yet). */
	since: LiveLine[];
}

export type { MeetingInsights };

const seconds = (originMs: number, atMs: number) => Math.round(Math.max(0, atMs - originMs) / 10) / 100;

/**
 * The live transcript on a clock that starts at `originMs`: the finals ordered by when they
 * were said (equal starts keep their arrival order), each keeping its segment id.
 */
export function liveTranscriptLines(segments: LiveSegmentFacts[], originMs: number): TranscriptLine[] {
	return segments
		.map((s, i) => ({ s, i }))
		.sort((a, b) => a.s.startedAtMs - b.s.startedAtMs || a.i - b.i)
		.map(({ s }) => liveTranscriptLine(s, originMs));
}

/** One final as a transcript line on the clock that starts at `originMs`. */
export function liveTranscriptLine(s: LiveSegmentFacts, originMs: number): TranscriptLine {
	return {
		speaker: s.speakerName,
		text: s.text,
		timestamp: seconds(originMs, s.startedAtMs),
		end: seconds(originMs, Math.max(s.endedAtMs, s.startedAtMs)),
		isActive: false,
		participantIdentity: s.participantIdentity,
		segmentId: s.segmentId
	};
}

/** One final as the live panel reads it. */
export function liveLine(s: LiveSegmentFacts, originMs: number): LiveLine {
	return {
		segmentId: s.segmentId,
		speaker: s.speakerName,
		participantIdentity: s.participantIdentity,
		text: s.text,
		startedAt: new Date(s.startedAtMs).toISOString(),
		endedAt: new Date(s.endedAtMs).toISOString(),
		at: seconds(originMs, s.startedAtMs)
	};
}

/** How long after a meeting stopped being transcribed the finals of what was said before still come in. */
export const LATE_FINALS_MS = 20_000;

/** What decides whether a meeting takes a final now (wall-clock milliseconds; null: never). */
export interface FinalsFacts {
	/** The host's Transcribe is on, or a recording runs. */
	transcribingNow: boolean;
	/** The meeting ended (null: it goes on). */
	endedAtMs: number | null;
	/** Transcribe was on when it ended. */
	transcribeOn: boolean;
	/** The last time one of its recordings stopped. */
	lastStopMs: number | null;
}

/**
 * Until when a meeting keeps finals: 'always' while it is transcribed; for a short while after
 * its recording stopped or it ended, the finals of what was said BEFORE that moment (the
 * transcriber finishes an utterance a second or so after it ends, often after the host
 * pressed Stop); otherwise none (null).
 */
export function keepsFinalsUntil(f: FinalsFacts, nowMs: number): 'always' | number | null {
	if (f.transcribingNow && f.endedAtMs === null) return 'always';
	const stops = [f.lastStopMs, f.transcribeOn ? f.endedAtMs : null].filter((t): t is number => t !== null);
	const stop = stops.length ? Math.max(...stops) : null;
	return stop !== null && nowMs - stop <= LATE_FINALS_MS ? stop : null;
}

/** A speaker's recording, as far as the replacement rule needs it. */
export interface RecordedTrack {
	participantIdentity: string;
	startedAtMs: number | null;
	endedAtMs: number | null;
	/** How its offline transcription ended. */
	transcribed: 'done' | 'failed' | 'pending';
}

/** Slack around a recording's span: a recorder starts a moment after the speech it was asked for. */
export const RECORDING_SLACK_MS = 5_000;

/**
 * Whether the offline pass over the recordings replaces the live transcript. It does when it
 * is at least as complete: every speaker's recording was transcribed (none failed), it found
 * speech, and every live line was said while its speaker was being recorded (a line from
 * before the recording began, or between two recordings, exists only live). Otherwise the
 * live transcript stays.
 */
export function offlineReplacesLive(live: Pick<LiveSegmentFacts, 'participantIdentity' | 'startedAtMs'>[], tracks: RecordedTrack[], offlineLines: number): boolean {
	if (!tracks.length || offlineLines === 0) return false;
	if (tracks.some((t) => t.transcribed !== 'done')) return false;
	return live.every((line) =>
		tracks.some(
			(t) =>
				t.participantIdentity === line.participantIdentity &&
				t.startedAtMs !== null &&
				line.startedAtMs >= t.startedAtMs - RECORDING_SLACK_MS &&
				(t.endedAtMs === null || line.startedAtMs <= t.endedAtMs + RECORDING_SLACK_MS)
		)
	);
}
