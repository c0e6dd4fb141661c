import { describe, expect, it } from 'vitest';
import { parseRange } from './file-response';

describe('parseRange', () => {
	it.each([
		[null, 1000, null],
		['bytes=0-99', 1000, { start: 0, end: 99 }],
		['bytes=100-', 1000, { start: 100, end: 999 }],
		['bytes=-100', 1000, { start: 900, end: 999 }],
		['bytes=900-5000', 1000, { start: 900, end: 999 }],
		['bytes=1000-', 1000, 'invalid'],
		['bytes=50-10', 1000, 'invalid'],
		['bytes=-', 1000, 'invalid'],
		['items=0-1', 1000, 'invalid'],
		['bytes=0-1,5-6', 1000, 'invalid']
	] as const)('%j of %i bytes → %j', (header, size, expected) => {
		expect(parseRange(header, size)).toEqual(expected);
	});
});
