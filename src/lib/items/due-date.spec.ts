import { describe, expect, it } from 'vitest';
import { resolveDue } from './due-date';

// Monday 7 December 2026 unless said otherwise.
const MONDAY = '2026-12-07';
const THURSDAY = '2026-12-10';
const FRIDAY = '2026-12-11';

describe('resolveDue', () => {
	it.each([
		['Friday', MONDAY, '2026-12-11'],
		['by Friday', MONDAY, '2026-12-11'],
		['this Friday', MONDAY, '2026-12-11'],
		['Friday', FRIDAY, '2026-12-18'],
		['friday.', THURSDAY, '2026-12-11'],
		['Tuesday', THURSDAY, '2026-12-15'],
		['next Tuesday', MONDAY, '2026-12-15'],
		['next Tuesday', THURSDAY, '2026-12-15'],
		['Tuesday next week', MONDAY, '2026-12-15'],
		['tomorrow', MONDAY, '2026-12-08'],
		['tomorrow', '2026-12-31', '2027-01-01'],
		['today', MONDAY, MONDAY],
		['end of day', MONDAY, MONDAY],
		['end of the week', MONDAY, '2026-12-11'],
		['next week', MONDAY, '2026-12-18'],
		['next week', THURSDAY, '2026-12-18'],
		['end of the month', MONDAY, '2026-12-31'],
		['in two weeks', MONDAY, '2026-12-21'],
		['in 3 days', MONDAY, '2026-12-10'],
		['end of March', MONDAY, '2027-03-31'],
		['end of December', MONDAY, '2026-12-31'],
		['end of February', '2027-12-07', '2028-02-29'],
		['March 12', MONDAY, '2027-03-12'],
		['march 12th', MONDAY, '2027-03-12'],
		['12 March', MONDAY, '2027-03-12'],
		['the 12th of March', MONDAY, '2027-03-12'],
		['December 20', MONDAY, '2026-12-20'],
		['December 7', MONDAY, '2026-12-07'],
		['Dec 1', MONDAY, '2027-12-01'],
		['March 12, 2028', MONDAY, '2028-03-12'],
		['the 15th', MONDAY, '2026-12-15'],
		['the 3rd', MONDAY, '2027-01-03'],
		['the 31st', '2026-11-07', '2026-12-31'],
		['the 30th', '2027-01-31', null],
		['2027-01-15', MONDAY, '2027-01-15'],
		['February 30', MONDAY, null],
		['soon', MONDAY, null],
		['ASAP', MONDAY, null],
		['after the board meeting', MONDAY, null],
		['15', MONDAY, null],
		['', MONDAY, null],
		[null, MONDAY, null],
		['Friday', 'not a day', null]
	])('%s said on %s → %s', (said, day, expected) => {
		expect(resolveDue(said, day)).toBe(expected);
	});
});
