import { describe, expect, it } from 'vitest';
import { ndjsonResponse } from './ndjson';

async function* events(values: unknown[], { failAfter, log }: { failAfter?: number; log?: string[] } = {}) {
	try {
		for (const [i, v] of values.entries()) {
			if (i === failAfter) throw new Error('database went away');
			yield v;
		}
	} finally {
		log?.push('ended');
	}
}

describe('ndjsonResponse', () => {
	it('writes each event, mapped, as one JSON line, with streaming headers', async () => {
		const response = ndjsonResponse(events([{ n: 1 }, { n: 2 }]), { map: (e) => ({ ...(e as object), seen: true }), onError: () => 'x', abort: new AbortController() });
		expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.text()).toBe('{"n":1,"seen":true}\n{"n":2,"seen":true}\n');
	});

	it('an exception mid-way becomes the onError line, then the end', async () => {
		const response = ndjsonResponse(events([{ n: 1 }, { n: 2 }], { failAfter: 1 }), { onError: () => ({ type: 'error' }), abort: new AbortController() });
		const original = console.error;
		console.error = () => undefined;
		try {
			expect(await response.text()).toBe('{"n":1}\n{"type":"error"}\n');
		} finally {
			console.error = original;
		}
	});

	it('a reader that goes away aborts the signal and ends the sequence', async () => {
		const abort = new AbortController();
		const log: string[] = [];
		const response = ndjsonResponse(events([1, 2, 3], { log }), { onError: () => null, abort });
		const reader = response.body!.getReader();
		await reader.read();
		await reader.cancel('gone');
		expect(abort.signal.aborted).toBe(true);
		expect(log).toEqual(['ended']);
	});
});
