import { describe, expect, it } from 'vitest';
import { eventFor, mayRelease, mayStart, releaseCheckDue, releaseVerdict } from './lock-rules';

const ada = { identity: 'p_ada', name: 'Ada' };
const bo = { identity: 'p_bo', name: 'Bo' };

describe('mayStart', () => {
	it.each([
		{ actor: undefined, expected: { ok: false, reason: 'not_joined' } },
		{ actor: { participantId: 'a', roomId: 'other', left: false }, expected: { ok: false, reason: 'not_joined' } },
		{ actor: { participantId: 'a', roomId: 'r', left: true }, expected: { ok: false, reason: 'left' } },
		{ actor: { participantId: 'a', roomId: 'r', left: false }, expected: { ok: true } }
	])('$actor → $expected', ({ actor, expected }) => {
		expect(mayStart(actor, 'r')).toEqual(expected);
	});
});

describe('mayRelease', () => {
	it.each([
		{ holder: null, by: 'host' as const, expected: false },
		{ holder: null, by: { participantId: 'a' }, expected: false },
		{ holder: 'a', by: { participantId: 'a' }, expected: true },
		{ holder: 'a', by: { participantId: 'b' }, expected: false },
		{ holder: 'a', by: 'host' as const, expected: true }
	])('holder $holder, by $by → $expected', ({ holder, by, expected }) => {
		expect(mayRelease(holder, by)).toBe(expected);
	});
});

describe('eventFor', () => {
	it.each([
		{ holder: ada, previous: null, reason: undefined, expected: { type: 'started', holder: ada, previous: null, fence: 7 } },
		{ holder: ada, previous: ada, reason: undefined, expected: { type: 'started', holder: ada, previous: null, fence: 7 } },
		{ holder: bo, previous: ada, reason: undefined, expected: { type: 'takeover', holder: bo, previous: ada, fence: 7 } },
		{ holder: null, previous: ada, reason: undefined, expected: { type: 'stopped', holder: null, previous: ada, fence: 7 } },
		{ holder: null, previous: ada, reason: 'host' as const, expected: { type: 'stopped', holder: null, previous: ada, fence: 7, reason: 'host' } },
		{ holder: null, previous: bo, reason: 'left' as const, expected: { type: 'stopped', holder: null, previous: bo, fence: 7, reason: 'left' } }
	])('$holder.name after $previous.name ($reason)', ({ holder, previous, reason, expected }) => {
		expect(eventFor({ holder, previous, fence: 7 }, reason)).toEqual(expected);
	});
});

describe('releaseVerdict', () => {
	const now = new Date('2026-11-24T12:00:40Z');
	const grace = { shareMs: 5_000, returnMs: 30_000 };
	const ago = (s: number) => new Date(now.getTime() - s * 1000);
	it.each([
		{ since: null, holder: 'absent', leftForGood: true, expected: 'keep' },
		{ since: ago(60), holder: 'sharing', leftForGood: false, expected: 'keep' },
		{ since: ago(4), holder: 'present', leftForGood: false, expected: 'wait' },
		{ since: ago(5), holder: 'present', leftForGood: false, expected: 'release' },
		{ since: ago(5), holder: 'absent', leftForGood: true, expected: 'release' },
		{ since: ago(4), holder: 'absent', leftForGood: true, expected: 'wait' },
		// Gone without leaving (a media node's failover, a dropped network): may be reconnecting.
		{ since: ago(10), holder: 'absent', leftForGood: false, expected: 'wait' },
		{ since: ago(29), holder: 'absent', leftForGood: false, expected: 'wait' },
		{ since: ago(30), holder: 'absent', leftForGood: false, expected: 'release' }
	] as const)('pending $since, holder $holder, left for good $leftForGood → $expected', ({ expected, ...pending }) => {
		expect(releaseVerdict(pending, now, grace)).toBe(expected);
	});
});

describe('releaseCheckDue', () => {
	const now = new Date('2026-11-24T12:00:10Z');
	it.each([
		{ pending: null, expected: false },
		{ pending: new Date('2026-11-24T12:00:06Z'), expected: false },
		{ pending: new Date('2026-11-24T12:00:05Z'), expected: true },
		{ pending: new Date('2026-11-24T11:59:00Z'), expected: true }
	])('pending since $pending → $expected', ({ pending, expected }) => {
		expect(releaseCheckDue(pending, now, { shareMs: 5000, returnMs: 30_000 })).toBe(expected);
	});
});
