import { describe, expect, it } from 'vitest';
import { attemptPath, COMPOSITE_START_GRACE_MS, MAX_START_ATTEMPTS, needsWatch, recorderLost, RECORDER_SETTLE_MS, segmentPath, START_GRACE_MS, watchVerdict, type WatchedRecording, type WatchFacts } from './start-watch';

const now = Date.parse('2026-11-28T10:00:00Z');
const ago = (ms: number) => new Date(now - ms);
const rec = (r: Partial<WatchedRecording>): WatchedRecording => ({ kind: 'video', status: 'starting', started_at: null, attempts: 1, attempted_at: ago(0), ...r });
const live: WatchFacts = { runLive: true, published: true, muted: false, now };

describe('watchVerdict', () => {
	const cases: [string, WatchedRecording, WatchFacts, ReturnType<typeof watchVerdict>][] = [
		['a run that stopped is not watched', rec({ attempted_at: ago(60_000) }), { ...live, runLive: false }, 'done'],
		['an egress that writes is left alone', rec({ status: 'active', started_at: ago(1000) }), live, 'done'],
		['a finished one is left alone', rec({ status: 'complete', started_at: ago(1000) }), live, 'done'],
		['one that wrote and then failed keeps what it wrote', rec({ status: 'failed', started_at: ago(5000) }), live, 'done'],
		['starting within its grace waits', rec({ attempted_at: ago(START_GRACE_MS - 1) }), live, 'wait'],
		['starting past its grace is asked again', rec({ attempted_at: ago(START_GRACE_MS) }), live, 'restart'],
		['a refused start is asked again at once', rec({ status: 'failed', attempted_at: ago(100) }), live, 'restart'],
		['a refused start of a track gone is over', rec({ status: 'failed' }), { ...live, published: false }, 'done'],
		['a stuck start of a track gone is stopped', rec({ attempted_at: ago(60_000) }), { ...live, published: false }, 'give_up'],
		['a stuck start gets its last chance', rec({ attempts: MAX_START_ATTEMPTS - 1, attempted_at: ago(START_GRACE_MS) }), live, 'restart'],
		['after the last attempt the failure stands', rec({ attempts: MAX_START_ATTEMPTS, attempted_at: ago(START_GRACE_MS) }), live, 'give_up'],
		['a refused last attempt stands too', rec({ status: 'failed', attempts: MAX_START_ATTEMPTS }), live, 'give_up'],
		['a muted camera is not stuck: it writes once unmuted', rec({ attempted_at: ago(60_000) }), { ...live, muted: true }, 'done'],
		['a refused start of a muted camera is asked again', rec({ status: 'failed' }), { ...live, muted: true }, 'restart'],
		['the room mix gets a longer grace', rec({ kind: 'composite', attempted_at: ago(START_GRACE_MS + 1000) }), live, 'wait'],
		['a room mix stuck past its grace is asked again', rec({ kind: 'composite', attempted_at: ago(COMPOSITE_START_GRACE_MS) }), live, 'restart'],
		['the last attempt still gets its grace', rec({ attempts: MAX_START_ATTEMPTS, attempted_at: ago(10) }), live, 'wait']
	];
	it.each(cases)('%s', (_name, recording, facts, verdict) => {
		expect(watchVerdict(recording, facts)).toBe(verdict);
	});
});

describe('needsWatch (the reconciliation hands these back to the watch)', () => {
	it.each<[string, WatchedRecording, boolean]>([
		['starting within its grace', rec({ attempted_at: ago(START_GRACE_MS - 1) }), false],
		['starting past its grace', rec({ attempted_at: ago(START_GRACE_MS) }), true],
		['a room mix within its longer grace', rec({ kind: 'composite', attempted_at: ago(START_GRACE_MS + 1000) }), false],
		['a room mix past its grace', rec({ kind: 'composite', attempted_at: ago(COMPOSITE_START_GRACE_MS) }), true],
		['stuck after the last attempt (the watch gives it up)', rec({ attempts: MAX_START_ATTEMPTS, attempted_at: ago(60_000) }), true],
		['refused before it wrote, attempts left', rec({ status: 'failed', attempts: MAX_START_ATTEMPTS - 1 }), true],
		['refused on the last attempt', rec({ status: 'failed', attempts: MAX_START_ATTEMPTS }), false],
		['failed after it wrote', rec({ status: 'failed', started_at: ago(5000) }), false],
		['writing', rec({ status: 'active', started_at: ago(1000), attempted_at: ago(60_000) }), false],
		['finished', rec({ status: 'complete', started_at: ago(1000), attempted_at: ago(60_000) }), false]
	])('%s → %s', (_name, recording, expected) => {
		expect(needsWatch(recording, now)).toBe(expected);
	});
});

describe('attemptPath', () => {
	it.each([
		['/r/s/run/p_1-TR_a.webm', 1, '/r/s/run/p_1-TR_a.webm'],
		['/r/s/run/p_1-TR_a.webm', 2, '/r/s/run/p_1-TR_a.2.webm'],
		['/r/s/run/p_1-TR_a.2.webm', 3, '/r/s/run/p_1-TR_a.3.webm'],
		['/r/s/run/room.ogg', 2, '/r/s/run/room.2.ogg'],
		['/r/s.v/run/noext', 2, '/r/s.v/run/noext.2']
	] as const)('%s, attempt %i → %s', (path, attempt, expected) => {
		expect(attemptPath(path, attempt)).toBe(expected);
	});
});

describe('recorderLost (its Egress worker or media node died)', () => {
	const now = 1_000_000;
	const writing = { status: 'active' as const, started_at: new Date(now - RECORDER_SETTLE_MS - 1) };
	it.each([
		{ name: 'writing, in the room', recording: writing, inRoom: true, reportedLive: true, lost: false },
		{ name: 'writing, gone from the room, LiveKit heard no end', recording: writing, inRoom: false, reportedLive: true, lost: true },
		{ name: 'gone from the room because it ended (LiveKit reported it)', recording: writing, inRoom: false, reportedLive: false, lost: false },
		{ name: 'just started: not in the room yet', recording: { status: 'active' as const, started_at: new Date(now - 2_000) }, inRoom: false, reportedLive: true, lost: false },
		{ name: 'still starting: the watch handles it', recording: { status: 'starting' as const, started_at: null }, inRoom: false, reportedLive: true, lost: false },
		{ name: 'complete', recording: { status: 'complete' as const, started_at: writing.started_at }, inRoom: false, reportedLive: true, lost: false },
		{ name: 'failed', recording: { status: 'failed' as const, started_at: writing.started_at }, inRoom: false, reportedLive: true, lost: false }
	])('$name → $lost', ({ recording, inRoom, reportedLive, lost }) => {
		expect(recorderLost(recording, { inRoom, reportedLive, now })).toBe(lost);
	});
});

describe('segmentPath', () => {
	it.each([
		{ path: '/r/s/run/p-TR_a.ogg', segment: 1, expected: '/r/s/run/p-TR_a.ogg' },
		{ path: '/r/s/run/p-TR_a.ogg', segment: 2, expected: '/r/s/run/p-TR_a.s2.ogg' },
		{ path: '/r/s/run/p-TR_a.s2.ogg', segment: 3, expected: '/r/s/run/p-TR_a.s3.ogg' },
		{ path: '/r/s/run/room.ogg', segment: 2, expected: '/r/s/run/room.s2.ogg' },
		{ path: '/r/s/run/p-TR_a.2.webm', segment: 2, expected: '/r/s/run/p-TR_a.2.s2.webm' },
		{ path: '/r/s.d/run/noext', segment: 2, expected: '/r/s.d/run/noext.s2' }
	])('$path, segment $segment → $expected', ({ path, segment, expected }) => {
		expect(segmentPath(path, segment)).toBe(expected);
	});
});
