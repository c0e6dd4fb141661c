import { describe, expect, it } from 'vitest';
import { upstreamFailure, type UpstreamFailure } from './upstream-failure';

// parseRetryAfter's own table (delta-seconds, HTTP dates, junk) is in
// transcription/whisper-client.spec.ts, which imports it through whisper-errors.ts.

const answer = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe('upstreamFailure', () => {
	it.each<[number, Record<string, string>, UpstreamFailure['kind'], number | undefined]>([
		[400, {}, 'rejected', undefined],
		[401, {}, 'rejected', undefined],
		[404, {}, 'rejected', undefined],
		[413, {}, 'rejected', undefined],
		[422, {}, 'rejected', undefined],
		[499, {}, 'rejected', undefined],
		[408, {}, 'unavailable', undefined],
		[429, { 'retry-after': '30' }, 'unavailable', 30],
		[500, {}, 'unavailable', undefined],
		[502, {}, 'unavailable', undefined],
		[503, { 'retry-after': '5' }, 'unavailable', 5]
	])('%i %j → %s, retry after %s s', (status, headers, kind, retryAfterSeconds) => {
		const failure = upstreamFailure('The service', answer(status, headers), 'nope');
		expect(failure).toEqual({
			kind,
			status,
			message: `The service answered ${status}: nope`,
			...(kind === 'unavailable' ? { retryAfterSeconds } : {})
		});
	});

	it('a refusal ignores any Retry-After (it will not be retried)', () => {
		expect(upstreamFailure('S', answer(400, { 'retry-after': '9' }), 'bad')).not.toHaveProperty('retryAfterSeconds');
	});
});
