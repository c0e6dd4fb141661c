import { describe, expect, it } from 'vitest';
import { mergeSpeakerTranscripts, type SpeakerTrack } from './merge';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

function track(
	speaker: string,
	offsetMs: number,
	segments: [start: number, end: number, text: string][]
): SpeakerTrack {
	return {
		speaker,
		participantIdentity: speaker.toLowerCase(),
		startedAtMs: T0 + offsetMs,
		segments: segments.map(([start, end, text]) => ({ start, end, text }))
	};
}

/** [speaker, timestamp, end, text] of each merged line, in order. */
type Row = [string, number, number | undefined, string];

describe('mergeSpeakerTranscripts orders lines by wall-clock time', () => {
	it.each<[string, SpeakerTrack[], Row[]]>([
		['no tracks', [], []],
		[
			'three speakers whose recordings started at different times',
			[
				track('Alice', 0, [
					[0, 2, 'Hello everyone.'],
					[5, 7, "Let's start."]
				]),
				track('Bob', 3000, [
					[0, 1.5, 'Hi Alice.'],
					[4, 5, 'Agreed.']
				]),
				track('Carol', 1250, [
					[0.5, 1, 'Morning!'],
					[3.75, 4.5, 'Me too.']
				])
			],
			[
				['Alice', 0, 2, 'Hello everyone.'],
				['Carol', 1.75, 2.25, 'Morning!'],
				['Bob', 3, 4.5, 'Hi Alice.'],
				['Alice', 5, 7, "Let's start."],
				['Carol', 5, 5.75, 'Me too.'],
				['Bob', 7, 8, 'Agreed.']
			]
		],
		[
			'a tie between speakers keeps the order of the tracks',
			[track('Bob', 1000, [[1, 2, 'b']]), track('Alice', 0, [[2, 3, 'a']])],
			[
				['Bob', 2, 3, 'b'],
				['Alice', 2, 3, 'a']
			]
		],
		[
			'a tie within one speaker keeps the segment order',
			[
				track('Alice', 0, [
					[1, 1, 'first'],
					[1, 2, 'second']
				])
			],
			[
				['Alice', 1, 1, 'first'],
				['Alice', 1, 2, 'second']
			]
		],
		[
			'empty and whitespace-only segments are dropped, text is trimmed',
			[
				track('Alice', 0, [
					[0, 1, ''],
					[1, 2, '  \n '],
					[2, 3, ' Right. ']
				])
			],
			[['Alice', 2, 3, 'Right.']]
		],
		[
			'times are rounded to 2 decimals',
			[track('Alice', 5, [[1.234567, 2.0051, 'x']])],
			[['Alice', 1.24, 2.01, 'x']]
		],
		[
			'a recording that started before the meeting never goes below 0',
			[track('Alice', -1500, [[1, 2, 'x']])],
			[['Alice', 0, 0.5, 'x']]
		],
		[
			'an end before the start is raised to the start',
			[track('Alice', 0, [[4, 3, 'x']])],
			[['Alice', 4, 4, 'x']]
		]
	])('%s', (_name, tracks, expected) => {
		const rows = mergeSpeakerTranscripts(tracks, T0).map(
			(l): Row => [l.speaker, l.timestamp, l.end, l.text]
		);
		expect(rows).toEqual(expected);
	});
});

describe('mergeSpeakerTranscripts line identity', () => {
	it('fills every field of the seed shape', () => {
		const [line] = mergeSpeakerTranscripts([track('Alice', 2000, [[0.5, 1.5, 'Hi']])], T0);
		expect(line).toEqual({
			speaker: 'Alice',
			text: 'Hi',
			timestamp: 2.5,
			end: 3.5,
			isActive: false,
			participantIdentity: 'alice',
			segmentId: `alice:${T0 + 2000}:0`
		});
	});

	it('keeps segment ids stable when segments are dropped', () => {
		const lines = mergeSpeakerTranscripts(
			[track('Alice', 0, [[0, 1, ' '], [1, 2, 'kept']])],
			T0
		);
		expect(lines.map((l) => l.segmentId)).toEqual([`alice:${T0}:1`]);
	});

	it('gives unique ids when one participant has two recordings (rejoined)', () => {
		const lines = mergeSpeakerTranscripts(
			[track('Alice', 0, [[0, 1, 'before']]), track('Alice', 60_000, [[0, 1, 'after']])],
			T0
		);
		const ids = lines.map((l) => l.segmentId);
		expect(new Set(ids).size).toBe(2);
		expect(ids).toEqual([`alice:${T0}:0`, `alice:${T0 + 60_000}:0`]);
	});
});
