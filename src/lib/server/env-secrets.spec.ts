import { describe, expect, it } from 'vitest';
import { secretProblem } from './env-secrets';

describe('secretProblem', () => {
	it.each([
		['CHANGE_ME_TO_32_OR_MORE_RANDOM_CHARACTERS', 'is a placeholder, not a secret'],
		['change-me-change-me-change-me-change-me', 'is a placeholder, not a secret'],
		['CHANGE_ME', 'is a placeholder, not a secret'],
		['short-but-random-Zx81', 'must be at least 32 random characters'],
		['abababababababababababababababababab', 'is too repetitive to be random'],
		['0123456789012345678901234567890123', 'is too repetitive to be random'],
		['q7Hk2vN9xR4mT1pL8wZ3cB6yF0jD5sG2aE7u', null],
		['nOQ3vY0w4mXbI7sPq9tKcL2eRjH8uA1zD5fG', null]
	])('%s → %s', (value, expected) => {
		expect(secretProblem(value)).toBe(expected);
	});
});
