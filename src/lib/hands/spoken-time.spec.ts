import { describe, expect, it } from 'vitest';
import { SpokenTime } from './spoken-time';

/** Speaking changes as [ms, speaking]; the answer after the last. */
describe('SpokenTime', () => {
	it.each([
		['nothing said', [], 10_000, false],
		['one stretch long enough', [[0, true], [4_000, false]], 4_000, true],
		['one stretch too short', [[0, true], [3_000, false]], 10_000, false],
		['short stretches that add up', [[0, true], [2_000, false], [10_000, true], [12_000, false]], 12_000, true],
		['pauses do not count', [[0, true], [1_000, false], [60_000, true], [61_000, false]], 61_000, false],
		['still speaking, past the mark', [[0, true]], 4_500, true],
		['still speaking, not yet', [[0, true]], 3_500, false],
		['a repeated "speaking" does not count twice', [[0, true], [1_000, true], [2_000, false]], 2_000, false]
	] as const)('%s', (_name, changes, now, reached) => {
		const spoken = new SpokenTime(4_000);
		for (const [at, speaking] of changes) spoken.update(speaking, at);
		expect(spoken.reached(now)).toBe(reached);
	});

	it('counts from nothing after a reset (the hand went up again)', () => {
		const spoken = new SpokenTime(4_000);
		spoken.update(true, 0);
		spoken.update(false, 3_000);
		spoken.reset();
		spoken.update(true, 10_000);
		expect(spoken.update(false, 12_000)).toBe(false);
		expect(spoken.reached(12_000)).toBe(false);
	});
});
