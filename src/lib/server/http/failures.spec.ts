import { describe, expect, it } from 'vitest';
import { describeFailure, isFailure, type FailureTable } from './failures';

const TABLE: FailureTable<'empty' | 'wrong_password' | 'rate_limited'> = {
	empty: [400, 'Type a message first'],
	wrong_password: [400, 'Wrong password.', 'password'],
	rate_limited: [429, (f) => `Slow down: ${f.retryAfterSeconds} s.`]
};

describe('describeFailure', () => {
	it.each([
		['a plain entry', { ok: false as const, reason: 'empty' }, TABLE, { status: 400, message: 'Type a message first', headers: {} }],
		['an entry for a form field', { ok: false as const, reason: 'wrong_password' }, TABLE, { status: 400, message: 'Wrong password.', field: 'password', headers: {} }],
		['a spent allowance, with its own words', { ok: false as const, reason: 'rate_limited', retryAfterSeconds: 7 }, TABLE, { status: 429, message: 'Slow down: 7 s.', headers: { 'retry-after': '7' } }],
		['a spent allowance the table does not name', { ok: false as const, reason: 'rate_limited', retryAfterSeconds: 3 }, {}, { status: 429, message: 'Too many requests. Try again in 3 s.', headers: { 'retry-after': '3' } }],
		['a reason nobody answers: a server error, said so', { ok: false as const, reason: 'mystery' }, TABLE, { status: 500, message: 'Unexpected failure (mystery).', headers: {} }]
	])('%s', (_name, failure, table, answer) => {
		expect(describeFailure(failure, table)).toEqual(answer);
	});
});

describe('isFailure', () => {
	it.each([
		[{ ok: false, reason: 'x' }, true],
		[{ ok: true }, false],
		[{ ok: false }, false],
		[{ reason: 'x' }, false],
		[null, false],
		[[], false]
	])('%j → %s', (value, expected) => {
		expect(isFailure(value)).toBe(expected);
	});
});
