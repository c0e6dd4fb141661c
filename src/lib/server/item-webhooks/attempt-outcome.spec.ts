import { describe, expect, it } from 'vitest';
import { attemptError, decideAttempt, nextAttemptAt, type AttemptResult } from './attempt-outcome';

describe('decideAttempt', () => {
	const response = (status: number): AttemptResult => ({ kind: 'response', status });
	it.each<[string, AttemptResult, 'delivered' | 'retry' | 'failed', 'delivered' | 'retry' | 'failed']>([
		['200', response(200), 'delivered', 'delivered'],
		['204', response(204), 'delivered', 'delivered'],
		['500', response(500), 'retry', 'failed'],
		['503', response(503), 'retry', 'failed'],
		['429', response(429), 'retry', 'failed'],
		['400', response(400), 'failed', 'failed'],
		['401', response(401), 'failed', 'failed'],
		['404', response(404), 'failed', 'failed'],
		['410', response(410), 'failed', 'failed'],
		['301 (not followed)', response(301), 'failed', 'failed'],
		['connection refused', { kind: 'network', error: 'ECONNREFUSED' }, 'retry', 'failed'],
		['timeout', { kind: 'timeout' }, 'retry', 'failed'],
		['private address at send', { kind: 'refused', error: 'private address refused' }, 'failed', 'failed']
	])('%s → %s, on the last attempt %s', (_name, result, early, last) => {
		expect(decideAttempt(result, false)).toBe(early);
		expect(decideAttempt(result, true)).toBe(last);
	});
});

describe('attemptError', () => {
	it.each<[AttemptResult, string | null]>([
		[{ kind: 'response', status: 200 }, null],
		[{ kind: 'response', status: 500 }, 'HTTP 500'],
		[{ kind: 'timeout' }, 'timed out'],
		[{ kind: 'network', error: 'ECONNRESET' }, 'ECONNRESET'],
		[{ kind: 'network', error: 'x'.repeat(500) }, 'x'.repeat(200)]
	])('%j → %s', (result, expected) => {
		expect(attemptError(result)).toBe(expected);
	});
});

describe('nextAttemptAt', () => {
	const now = new Date('2026-12-07T00:00:00Z');
	it.each([
		[0, 10],
		[1, 20],
		[3, 80],
		[8, 1800],
		[20, 1800]
	])('after retry %i: %i s at the earliest', (retryCount, seconds) => {
		expect(nextAttemptAt(now, retryCount, 10, 1800).getTime() - now.getTime()).toBe(seconds * 1000);
	});
});
