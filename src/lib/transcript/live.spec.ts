import { describe, expect, it } from 'vitest';
import { keepsFinalsUntil, liveTranscriptLines, offlineReplacesLive, type LiveSegmentFacts, type RecordedTrack } from './live';

const T0 = Date.parse('2026-12-06T10:00:00.000Z');
const seg = (id: string, who: string, startS: number, endS: number, text = `said ${id}`): LiveSegmentFacts => ({
	segmentId: id,
	participantIdentity: who,
	speakerName: who === 'a' ? 'Ada' : 'Bo',
	text,
	startedAtMs: T0 + startS * 1000,
	endedAtMs: T0 + endS * 1000
});

describe('liveTranscriptLines', () => {
	it.each([
		['one final on the meeting clock', [seg('s1', 'a', 2.5, 4)], T0, [['s1', 2.5, 4]]],
		['ordered by when said, not by arrival', [seg('late', 'a', 10, 14), seg('early', 'b', 11, 12), seg('first', 'b', 3, 5)], T0, [['first', 3, 5], ['late', 10, 14], ['early', 11, 12]]],
		['equal starts keep arrival order', [seg('x', 'a', 5, 6), seg('y', 'b', 5, 7)], T0, [['x', 5, 6], ['y', 5, 7]]],
		['said before the record began: at 0 on its clock', [seg('pre', 'a', 1, 3)], T0 + 2000, [['pre', 0, 1]]],
		['an end before the start is the start', [seg('odd', 'a', 4, 3)], T0, [['odd', 4, 4]]]
	])('%s', (_name, segments, origin, expected) => {
		const lines = liveTranscriptLines(segments, origin);
		expect(lines.map((l) => [l.segmentId, l.timestamp, l.end])).toEqual(expected);
		for (const [i, l] of lines.entries()) expect(l).toMatchObject({ isActive: false, speaker: segments.find((s) => s.segmentId === expected[i]![0])!.speakerName });
	});
});

describe('offlineReplacesLive', () => {
	const track = (who: string, fromS: number, toS: number | null, transcribed: RecordedTrack['transcribed'] = 'done'): RecordedTrack => ({
		participantIdentity: who,
		startedAtMs: T0 + fromS * 1000,
		endedAtMs: toS === null ? null : T0 + toS * 1000,
		transcribed
	});
	const live = [seg('1', 'a', 10, 12), seg('2', 'b', 20, 25)];
	it.each<[string, LiveSegmentFacts[], RecordedTrack[], number, boolean]>([
		['every speaker transcribed, every live line recorded', live, [track('a', 8, 60), track('b', 9, 60)], 5, true],
		['a line said just before its recorder started (within the slack)', [seg('1', 'a', 6, 7)], [track('a', 8, 60)], 1, true],
		['one speaker failed offline', live, [track('a', 8, 60), track('b', 9, 60, 'failed')], 5, false],
		['one speaker still pending', live, [track('a', 8, 60), track('b', 9, 60, 'pending')], 5, false],
		['the offline pass found no speech', live, [track('a', 8, 60), track('b', 9, 60)], 0, false],
		['no recordings at all', live, [], 0, false],
		['Transcribe was on before the recording began', [seg('0', 'a', 0, 2), ...live], [track('a', 8, 60), track('b', 9, 60)], 5, false],
		['a speaker who was never recorded', [...live, seg('3', 'c', 30, 31)], [track('a', 8, 60), track('b', 9, 60)], 5, false],
		['a line between two recordings', [seg('1', 'a', 70, 72)], [track('a', 8, 60), track('a', 80, 90)], 3, false],
		['a recording still open at the end', live, [track('a', 8, null), track('b', 9, null)], 2, true]
	])('%s', (_name, lines, tracks, offlineLines, expected) => {
		expect(offlineReplacesLive(lines, tracks, offlineLines)).toBe(expected);
	});
});

describe('keepsFinalsUntil', () => {
	const now = T0 + 100_000;
	const base = { transcribingNow: false, endedAtMs: null, transcribeOn: false, lastStopMs: null };
	it.each<[string, Partial<Parameters<typeof keepsFinalsUntil>[0]>, 'always' | number | null]>([
		['transcribed now', { transcribingNow: true }, 'always'],
		['never transcribed', {}, null],
		['recording stopped 3 s ago: what was said before the stop', { lastStopMs: now - 3000 }, now - 3000],
		['recording stopped a minute ago', { lastStopMs: now - 60_000 }, null],
		['ended 5 s ago with Transcribe on', { endedAtMs: now - 5000, transcribeOn: true }, now - 5000],
		['ended 5 s ago, never transcribed', { endedAtMs: now - 5000 }, null],
		['ended while recording, Transcribe off: from the recording stop', { endedAtMs: now - 4000, lastStopMs: now - 4500 }, now - 4500],
		['Transcribe turned off (no stop, no end): nothing more', { transcribeOn: false }, null]
	])('%s', (_name, facts, expected) => {
		expect(keepsFinalsUntil({ ...base, ...facts }, now)).toBe(expected);
	});
});
