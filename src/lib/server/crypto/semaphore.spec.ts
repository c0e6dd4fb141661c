import { describe, expect, it } from 'vitest';
import { semaphore } from './semaphore';

describe('semaphore', () => {
	it.each([1, 2, 3])('runs at most %i tasks at once, all of them, in order', async (limit) => {
		const run = semaphore(limit);
		let active = 0;
		let peak = 0;
		const started: number[] = [];
		const results = await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				run(async () => {
					started.push(i);
					peak = Math.max(peak, ++active);
					await new Promise((r) => setTimeout(r, 5));
					active--;
					return i * 2;
				})
			)
		);
		expect(peak).toBe(limit);
		expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
	});

	it('frees the slot when a task throws', async () => {
		const run = semaphore(1);
		await expect(run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await run(async () => 'next')).toBe('next');
	});
});
