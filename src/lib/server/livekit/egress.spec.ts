import { describe, expect, it } from 'vitest';
import { mediaSpan } from './egress';

const ns = (iso: string) => BigInt(new Date(iso).getTime()) * 1_000_000n;

describe('mediaSpan: the recorded media on the wall clock', () => {
	it.each<[string, Parameters<typeof mediaSpan>[0], string | null, string | null]>([
		[
			'the file’s span when Egress has it (its first sample comes after the pipeline started)',
			{ startedAt: ns('2026-12-06T12:00:00.000Z'), endedAt: ns('2026-12-06T12:00:10.000Z'), fileResults: [{ startedAt: ns('2026-12-06T12:00:01.100Z'), endedAt: ns('2026-12-06T12:00:09.900Z') }] as never },
			'2026-12-06T12:00:01.100Z',
			'2026-12-06T12:00:09.900Z'
		],
		[
			'before the first sample: the egress’s start stands in',
			{ startedAt: ns('2026-12-06T12:00:00.000Z'), endedAt: 0n, fileResults: [{ startedAt: 0n, endedAt: 0n }] as never },
			'2026-12-06T12:00:00.000Z',
			null
		],
		['no file result at all', { startedAt: ns('2026-12-06T12:00:00.000Z'), endedAt: ns('2026-12-06T12:00:05.000Z'), fileResults: [] }, '2026-12-06T12:00:00.000Z', '2026-12-06T12:00:05.000Z'],
		['nothing known yet', { startedAt: 0n, endedAt: 0n, fileResults: [] }, null, null]
	])('%s', (_name, info, started, ended) => {
		const span = mediaSpan(info);
		expect(span.startedAt?.toISOString() ?? null).toBe(started);
		expect(span.endedAt?.toISOString() ?? null).toBe(ended);
	});
});
