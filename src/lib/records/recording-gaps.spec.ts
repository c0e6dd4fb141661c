import { describe, expect, it } from 'vitest';
import { gapLabel, recordingGaps } from './recording-gaps';

const s = (n: number) => n * 1000;

describe('recordingGaps', () => {
	it.each([
		{ name: 'nothing recorded', recordings: [], gaps: [] },
		{ name: 'one speaker throughout', recordings: [{ startMs: 0, endMs: s(60) }], gaps: [] },
		{
			name: 'two speakers overlapping',
			recordings: [
				{ startMs: 0, endMs: s(40) },
				{ startMs: s(10), endMs: s(60) }
			],
			gaps: []
		},
		{
			name: 'both cut by a node failure, taken up again 11 s later',
			recordings: [
				{ startMs: 0, endMs: s(30) },
				{ startMs: s(1), endMs: s(29) },
				{ startMs: s(41), endMs: s(90) },
				{ startMs: s(40), endMs: s(90) }
			],
			gaps: [{ startMs: s(30), endMs: s(40) }]
		},
		{
			name: 'a hole shorter than the minimum is a recorder starting',
			recordings: [
				{ startMs: 0, endMs: s(30) },
				{ startMs: s(32), endMs: s(60) }
			],
			gaps: []
		},
		{
			name: 'exactly the minimum counts',
			recordings: [
				{ startMs: 0, endMs: s(30) },
				{ startMs: s(33), endMs: s(60) }
			],
			gaps: [{ startMs: s(30), endMs: s(33) }]
		},
		{
			name: 'a recording still writing covers everything after it',
			recordings: [
				{ startMs: 0, endMs: null },
				{ startMs: s(100), endMs: s(110) }
			],
			gaps: []
		},
		{
			name: 'a short recording inside a long one hides nothing',
			recordings: [
				{ startMs: 0, endMs: s(100) },
				{ startMs: s(10), endMs: s(20) },
				{ startMs: s(150), endMs: s(160) }
			],
			gaps: [{ startMs: s(100), endMs: s(150) }]
		},
		{
			name: 'order of the input does not matter',
			recordings: [
				{ startMs: s(50), endMs: s(60) },
				{ startMs: 0, endMs: s(10) }
			],
			gaps: [{ startMs: s(10), endMs: s(50) }]
		}
	])('$name', ({ recordings, gaps }) => {
		expect(recordingGaps(recordings)).toEqual(gaps);
	});
});

describe('gapLabel', () => {
	it.each([
		{ gap: { startAt: 65, endAt: 77 }, label: 'No audio recorded for 0:12 (1:05–1:17)' },
		{ gap: { startAt: 0.4, endAt: 3.9 }, label: 'No audio recorded for 0:03 (0:00–0:03)' }
	])('$label', ({ gap, label }) => {
		expect(gapLabel(gap)).toBe(label);
	});
});
