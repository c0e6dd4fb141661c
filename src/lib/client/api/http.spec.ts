import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchIdempotent } from './http';

const answer = (status: number) => new Response('{}', { status });

describe('fetchIdempotent', () => {
	afterEach(() => vi.unstubAllGlobals());

	it.each([
		{ first: 'network error', then: 200, calls: 2, status: 200 },
		{ first: 502, then: 200, calls: 2, status: 200 },
		{ first: 503, then: 200, calls: 2, status: 200 },
		{ first: 504, then: 502, calls: 2, status: 502 },
		{ first: 200, then: 200, calls: 1, status: 200 },
		{ first: 404, then: 200, calls: 1, status: 404 },
		{ first: 500, then: 200, calls: 1, status: 500 }
	] as const)('first $first, then $then: $calls call(s), answers $status', async ({ first, then, calls, status }) => {
		const fetch = vi
			.fn()
			.mockImplementationOnce(async () => {
				if (first === 'network error') throw new TypeError('Failed to fetch');
				return answer(first);
			})
			.mockImplementationOnce(async () => answer(then));
		vi.stubGlobal('fetch', fetch);
		const response = await fetchIdempotent('/api/x', {}, 0);
		expect(response.status).toBe(status);
		expect(fetch).toHaveBeenCalledTimes(calls);
	});

	it('a second network failure reaches the caller', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
		await expect(fetchIdempotent('/api/x', {}, 0)).rejects.toThrow('Failed to fetch');
	});

	it('refuses to repeat a request that changes something', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => answer(200)));
		await expect(fetchIdempotent('/api/x', { method: 'POST' }, 0)).rejects.toThrow('POST is not idempotent');
	});
});
