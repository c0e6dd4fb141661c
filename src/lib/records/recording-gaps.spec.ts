import { describe, expect, it } from 'vitest';
import { failoverGap, gapLabel, gapOnClock, gapPositions, mergeGaps, placeAmongLines, recordingGaps } from './recording-gaps';

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
		{ gap: { startAt: 0.4, endAt: 3.9 }, label: 'No audio recorded for 0:03 (0:00–0:03)' },
		{ gap: { startAt: 5, endAt: 16, reason: 'failover' as const }, label: 'No audio recorded for 0:11 (0:05–0:16): the meeting moved to another media server' }
	])('$label', ({ gap, label }) => {
		expect(gapLabel(gap)).toBe(label);
	});
});

describe('failoverGap', () => {
	const R = s(100); // the room re-created on the other node
	it.each([
		{
			name: 'from the last sound anyone sent to the first recording again',
			evidence: { restartedAtMs: R, lastSoundMs: [s(93), s(91)], resumedMs: [s(104), s(103)] },
			gap: { startMs: s(93), endMs: s(103) }
		},
		{
			name: 'a speaker silent all through the lookback does not move the start',
			evidence: { restartedAtMs: R, lastSoundMs: [null, s(95)], resumedMs: [s(103)] },
			gap: { startMs: s(95), endMs: s(103) }
		},
		{
			name: 'sound heard long before is capped by the lookback',
			evidence: { restartedAtMs: R, lastSoundMs: [s(20)], resumedMs: [s(103)] },
			gap: { startMs: s(70), endMs: s(103) }
		},
		{
			name: 'all silent: the gap begins at the restart',
			evidence: { restartedAtMs: R, lastSoundMs: [null, null], resumedMs: [s(102)] },
			gap: { startMs: R, endMs: s(102) }
		},
		{
			name: 'nobody recorded again: the gap ends at the restart',
			evidence: { restartedAtMs: R, lastSoundMs: [s(94)], resumedMs: [] },
			gap: { startMs: s(94), endMs: R }
		},
		{
			name: 'a recording that began before the last sound is not the resumption',
			evidence: { restartedAtMs: R, lastSoundMs: [s(94)], resumedMs: [s(80), s(105)] },
			gap: { startMs: s(94), endMs: s(105) }
		},
		{
			name: 'sound after the restart (a late file clock) is ignored',
			evidence: { restartedAtMs: R, lastSoundMs: [s(101), s(96)], resumedMs: [s(103)] },
			gap: { startMs: s(96), endMs: s(103) }
		}
	])('$name', ({ evidence, gap }) => {
		expect(failoverGap(evidence)).toEqual({ ...gap, reason: 'failover' });
	});
});

describe('mergeGaps', () => {
	const f = (startMs: number, endMs: number) => ({ startMs, endMs, reason: 'failover' as const });
	it.each([
		{ name: 'nothing', coverage: [], failovers: [], gaps: [] },
		{ name: 'a failover alone', coverage: [], failovers: [f(s(10), s(20))], gaps: [f(s(10), s(20))] },
		{ name: 'a failover shorter than the minimum is dropped', coverage: [], failovers: [f(s(10), s(12))], gaps: [] },
		{
			name: 'a coverage gap it overlaps becomes part of it, with its reason',
			coverage: [{ startMs: s(15), endMs: s(25) }],
			failovers: [f(s(10), s(20))],
			gaps: [f(s(10), s(25))]
		},
		{
			name: 'separate gaps stay separate, in order',
			coverage: [{ startMs: s(50), endMs: s(60) }],
			failovers: [f(s(10), s(20))],
			gaps: [f(s(10), s(20)), { startMs: s(50), endMs: s(60) }]
		}
	])('$name', ({ coverage, failovers, gaps }) => {
		expect(mergeGaps(coverage, failovers)).toEqual(gaps);
	});
});

describe('gapOnClock', () => {
	const origin = 1_000_000;
	it.each([
		{ name: 'seconds from the origin, to the hundredth', start: origin + 4_004, end: origin + 12_345, clock: { startAt: 4, endAt: 12.35 } },
		{ name: 'a gap that began before the room mix starts at 0:00', start: origin - 1_400, end: origin + 7_000, clock: { startAt: 0, endAt: 7 } },
		{ name: 'wholly before the mix: nothing left', start: origin - 9_000, end: origin - 2_000, clock: { startAt: 0, endAt: 0 } }
	])('$name', ({ start, end, clock }) => {
		expect(gapOnClock(start, end, origin)).toEqual(clock);
	});
});

describe('gapPositions', () => {
	const gap = (startAt: number, endAt = startAt + 8) => ({ startAt, endAt });
	it.each([
		{ name: 'no lines: after them', starts: [], gaps: [gap(3)], at: [[0, [gap(3)]]] },
		{ name: 'between the line before and the line after', starts: [0, 2, 20], gaps: [gap(5)], at: [[2, [gap(5)]]] },
		{ name: 'a line starting when the gap begins was heard before it (both clamped to 0:00)', starts: [0, 40], gaps: [gap(0)], at: [[1, [gap(0)]]] },
		{ name: 'after the last line', starts: [0, 2], gaps: [gap(30)], at: [[2, [gap(30)]]] },
		{ name: 'before the first line', starts: [10, 20], gaps: [gap(1)], at: [[0, [gap(1)]]] },
		{ name: 'two gaps between the same lines, in order', starts: [0, 50], gaps: [gap(10, 12), gap(20, 25)], at: [[1, [gap(10, 12), gap(20, 25)]]] }
	])('$name', ({ starts, gaps, at }) => {
		expect([...gapPositions(starts, gaps)]).toEqual(at);
	});
});

describe('placeAmongLines (hands raised, on the transcript)', () => {
	it.each([
		['before the first line', [5, 10], [{ at: 2 }], [[0, [{ at: 2 }]]]],
		['between lines', [5, 10], [{ at: 7 }], [[1, [{ at: 7 }]]]],
		['after the last line', [5, 10], [{ at: 12 }], [[2, [{ at: 12 }]]]],
		['two at one place keep their order', [5], [{ at: 1 }, { at: 2 }], [[0, [{ at: 1 }, { at: 2 }]]]],
		['no lines: all after them', [], [{ at: 3 }], [[0, [{ at: 3 }]]]]
	])('%s', (_name, starts, items, at) => {
		expect([...placeAmongLines(starts, items, (i) => i.at)]).toEqual(at);
	});
});
