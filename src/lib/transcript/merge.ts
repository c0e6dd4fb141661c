import type { SpeechSegment, TranscriptLine } from './types';

/** One speaker's own recording, transcribed; segment times are relative to `startedAtMs`. */
export interface SpeakerTrack {
	speaker: string;
	participantIdentity: string;
	/** Wall-clock ms when this speaker's recording started. */
	startedAtMs: number;
	segments: SpeechSegment[];
}

interface Timed {
	line: TranscriptLine;
	atMs: number;
	trackIndex: number;
	segmentIndex: number;
}

/**
 * Interleaves per-speaker transcripts into one meeting transcript ordered by wall-clock
 * time; equal start times keep the order of `tracks`, then the segment order.
 * Times become seconds since `meetingStartMs` (2 decimals, never negative).
 */
export function mergeSpeakerTranscripts(
	tracks: SpeakerTrack[],
	meetingStartMs: number
): TranscriptLine[] {
	const timed: Timed[] = [];
	tracks.forEach((track, trackIndex) => {
		track.segments.forEach((segment, segmentIndex) => {
			const text = segment.text.trim();
			if (!text) return;
			const atMs = track.startedAtMs + segment.start * 1000;
			const endMs = track.startedAtMs + Math.max(segment.end, segment.start) * 1000;
			timed.push({
				atMs,
				trackIndex,
				segmentIndex,
				line: {
					speaker: track.speaker,
					text,
					timestamp: secondsSince(meetingStartMs, atMs),
					end: secondsSince(meetingStartMs, endMs),
					isActive: false,
					participantIdentity: track.participantIdentity,
					// startedAtMs keeps ids unique when one participant has several recordings
					// (left and rejoined); the index counts dropped segments too, so ids are stable.
					segmentId: `${track.participantIdentity}:${track.startedAtMs}:${segmentIndex}`
				}
			});
		});
	});
	timed.sort(
		(a, b) => a.atMs - b.atMs || a.trackIndex - b.trackIndex || a.segmentIndex - b.segmentIndex
	);
	return timed.map((t) => t.line);
}

function secondsSince(originMs: number, atMs: number): number {
	return Math.round(Math.max(0, atMs - originMs) / 10) / 100;
}
