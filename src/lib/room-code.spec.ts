import { describe, expect, it } from 'vitest';
import { isRoomCode, parseRoomCode } from './room-code';

describe('parseRoomCode', () => {
	it.each([
		['abc-defg-hij', 'abc-defg-hij'],
		['ABC-DEFG-HIJ', 'abc-defg-hij'],
		['  abcdefghij ', 'abc-defg-hij'],
		['abc defg hij', 'abc-defg-hij'],
		['http://localhost:3000/abc-defg-hij', 'abc-defg-hij'],
		['https://meet.example.org/abc-defg-hij?pli=1#x', 'abc-defg-hij'],
		['abc-defg-hi', null],
		['abc-defg-hijk', null],
		['abc-d3fg-hij', null],
		['', null],
		['<script>', null],
		['https://meet.example.org/', null]
	])('%j → %j', (input, expected) => {
		expect(parseRoomCode(input)).toBe(expected);
	});
});

describe('isRoomCode accepts only the canonical form', () => {
	it.each([
		['abc-defg-hij', true],
		['abcdefghij', false],
		['ABC-DEFG-HIJ', false],
		['abc-defg-hij ', false]
	])('%j → %s', (input, expected) => expect(isRoomCode(input)).toBe(expected));
});
