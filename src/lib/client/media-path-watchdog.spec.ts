import { describe, expect, it } from 'vitest';
import { isStalled, stalledSince } from './media-path-watchdog';

describe('stalledSince', () => {
	it.each([
		{ previous: null, states: ['connected'], now: 10, expected: null },
		{ previous: null, states: ['connected', 'disconnected'], now: 10, expected: 10 },
		{ previous: 4, states: ['disconnected'], now: 10, expected: 4 },
		{ previous: 4, states: ['failed'], now: 10, expected: 4 },
		{ previous: 4, states: ['connected', 'connected'], now: 10, expected: null },
		{ previous: 4, states: ['connecting'], now: 10, expected: null },
		{ previous: null, states: [], now: 10, expected: null }
	] as const)('$states after $previous → $expected', ({ previous, states, now, expected }) => {
		expect(stalledSince(previous, states, now)).toBe(expected);
	});
});

describe('isStalled', () => {
	it.each([
		{ since: null, now: 10_000, expected: false },
		{ since: 9_000, now: 10_000, expected: false },
		{ since: 8_000, now: 10_000, expected: true },
		{ since: 1_000, now: 10_000, expected: true }
	])('down since $since at $now → $expected', ({ since, now, expected }) => {
		expect(isStalled(since, now, 2_000)).toBe(expected);
	});
});
