import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './reconnect-policy';

describe('retryDelayMs', () => {
	it.each([
		{ name: 'the first retry is at once', retry: 0, elapsed: 0, jitter: 0, delay: 0 },
		{ name: 'the first retry gets up to 0.3 s of jitter', retry: 0, elapsed: 0, jitter: 1, delay: 300 },
		{ name: 'the second after 0.3 s', retry: 1, elapsed: 400, jitter: 0, delay: 300 },
		{ name: 'then every second while a node failover can still be under way', retry: 4, elapsed: 5_000, jitter: 0, delay: 1_000 },
		{ name: 'jitter adds at most a fifth', retry: 4, elapsed: 5_000, jitter: 1, delay: 1_200 },
		{ name: 'still every second at 29 s', retry: 25, elapsed: 29_999, jitter: 0, delay: 1_000 },
		{ name: 'after 30 s every 3 s', retry: 30, elapsed: 30_000, jitter: 0, delay: 3_000 },
		{ name: 'after a minute it gives up', retry: 40, elapsed: 60_000, jitter: 0, delay: null }
	])('$name', ({ retry, elapsed, jitter, delay }) => {
		expect(retryDelayMs(retry, elapsed, jitter)).toBe(delay);
	});
});
