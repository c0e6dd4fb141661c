import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	KEYS,
	SECRETS,
	keyProblem,
	secretProblem as composeSecretProblem,
	unfitVariables
} from './check-secrets.mjs';
import { secretProblem } from '../src/lib/server/env-secrets';

/**
 * The Docker path's secrets-check (infra/check-secrets.mjs, dependency-free) refuses exactly
 * what the app refuses at start-up, and sees every secret compose hands out; every service
 * that takes a secret waits for it.
 */
const ROOT = resolve(import.meta.dirname, '..');
const compose = readFileSync(resolve(ROOT, 'infra/compose.yaml'), 'utf8');

const PLACEHOLDER = 'is a placeholder, not a secret';
const SHORT = 'must be at least 32 random characters';
const REPETITIVE = 'is too repetitive to be random';

describe('secrets-check applies the app rule', () => {
	it.each([
		['CHANGE_ME_TO_32_OR_MORE_RANDOM_CHARACTERS', PLACEHOLDER],
		['change-me-change-me-change-me-change-me', PLACEHOLDER],
		['an-example-value-that-is-long-enough-1234', PLACEHOLDER],
		['PLACEHOLDER', PLACEHOLDER],
		['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', PLACEHOLDER],
		['Secret', PLACEHOLDER],
		['', SHORT],
		['short-but-random-Zx81', SHORT],
		['q7Hk2vN9xR4mT1pL8wZ3cB6yF0jD5sG', SHORT],
		['abababababababababababababababababab', REPETITIVE],
		['0123456789012345678901234567890123', REPETITIVE],
		['abcdefghijkabcdefghijkabcdefghij', REPETITIVE],
		['abcdefghijklabcdefghijklabcdefgh', null],
		['q7Hk2vN9xR4mT1pL8wZ3cB6yF0jD5sG2', null],
		['wXOeGWAuhLLbLbVA-JI0QILZzp8CYb4gVnps7Y7TrNO5tZfP', null]
	])('%j → %s, in the app and in compose alike', (value, expected) => {
		expect(secretProblem(value)).toBe(expected);
		expect(composeSecretProblem(value)).toBe(expected);
	});

	it('agrees with the app on a sweep of generated values', () => {
		// A fixed 32-bit LCG (high bits used): the same 2,000 values each run, of every length
		// 0–48, over alphabets of 2 to 64 characters.
		let seed = 20261206;
		const next = (n: number) => {
			seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
			return Math.floor((seed / 2 ** 32) * n);
		};
		const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
		const kinds = new Set<string | null>();
		for (let i = 0; i < 2000; i++) {
			const letters = alphabet.slice(0, 2 + next(alphabet.length - 1));
			const value = Array.from({ length: next(49) }, () => letters[next(letters.length)]).join('');
			expect(composeSecretProblem(value), value).toBe(secretProblem(value));
			kinds.add(secretProblem(value));
		}
		expect(kinds).toEqual(new Set([SHORT, REPETITIVE, null]));
	});

	it.each([
		['stoom_abc', null],
		['APIkey', null],
		['CHANGE_ME', 'is a placeholder; set a real key (any name of 3+ characters)'],
		['ab', 'must be at least 3 characters (any name)']
	])('key %j → %s', (value, expected) => {
		expect(keyProblem(value)).toBe(expected);
	});
});

describe('secrets-check over an environment', () => {
	const fit = Object.fromEntries([
		...KEYS.map((k) => [k, 'stoom_key1']),
		...SECRETS.map((s, i) => [s, `wXOeGWAuhLLbLbVA-JI0QILZzp8CYb4gVnps7Y7TrNO5tZf${i}`])
	]);

	it('passes fit values', () => {
		expect(unfitVariables(fit)).toEqual([]);
	});

	it('names every unset variable', () => {
		expect(unfitVariables({}).map((u) => u.name)).toEqual([...KEYS, ...SECRETS]);
		expect(unfitVariables({}).every((u) => u.problem === 'is not set')).toBe(true);
	});

	it('names the weak ones and why', () => {
		expect(unfitVariables({ ...fit, REDIS_PASSWORD: 'CHANGE_ME', SESSION_SECRET: 'short' })).toEqual([
			{ name: 'REDIS_PASSWORD', problem: PLACEHOLDER },
			{ name: 'SESSION_SECRET', problem: SHORT }
		]);
	});

	it('refuses a PostgreSQL password that would break DATABASE_URL', () => {
		const password = 'wXOeGWAuhLLbLbVA/JI0QILZzp8CYb4g+nps7Y7TrNO5tZfP';
		expect(unfitVariables({ ...fit, POSTGRES_PASSWORD: password }).map((u) => u.name)).toEqual(['POSTGRES_PASSWORD']);
		expect(unfitVariables({ ...fit, REDIS_PASSWORD: password })).toEqual([]);
	});
});

/** Each service's block of compose.yaml, by name. */
function services(text: string): Map<string, string> {
	const section = text.slice(text.indexOf('\nservices:\n'), text.search(/\nvolumes:\n/));
	const parts = section.split(/^ {2}([\w-]+):[ \t]*$/m).slice(1);
	return new Map(parts.flatMap((part, i) => (i % 2 === 0 ? [[part, parts[i + 1]!] as const] : [])));
}

/** The lines a YAML anchor (`&name`) stands for: those indented under its key. */
function anchored(name: string): string {
	const lines = compose.split('\n');
	const at = lines.findIndex((l) => l.includes(`&${name}`));
	if (at < 0) throw new Error(`no anchor &${name} in compose.yaml`);
	const indent = lines[at]!.search(/\S/);
	const end = lines.findIndex((l, i) => i > at && l.trim() !== '' && l.search(/\S/) <= indent);
	return lines.slice(at + 1, end < 0 ? undefined : end).join('\n');
}

const checked = [...KEYS, ...SECRETS];
/** Whether a block of compose passes on a secret, itself or through an alias (`*stoom-env`). */
function takesSecret(text: string): boolean {
	if (checked.some((name) => text.includes(`\${${name}`))) return true;
	return [...text.matchAll(/(?<![\w*])\*([a-z][\w-]*)/g)].some((m) => takesSecret(anchored(m[1]!)));
}

describe('compose runs secrets-check first', () => {
	const blocks = services(compose);

	it('checks every variable compose requires', () => {
		const required = new Set([...compose.matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]!));
		expect(required.size).toBeGreaterThanOrEqual(6);
		expect([...required].sort()).toEqual([...checked].sort());
	});

	it('hands secrets-check every variable it checks', () => {
		const block = blocks.get('secrets-check') ?? '';
		expect(block).toMatch(/command: \["node", "\/infra\/check-secrets\.mjs"\]/);
		for (const name of checked) expect(block).toContain(`${name}: \${${name}:-}`);
	});

	const takers = [...blocks].filter(([name, block]) => name !== 'secrets-check' && takesSecret(block)).map(([name]) => name);

	it('finds the services that take a secret', () => {
		expect(takers).toEqual(expect.arrayContaining(['postgres', 'redis', 'coturn', 'livekit', 'egress', 'app', 'app-2']));
		expect(takers).not.toContain('whisper');
	});

	it.each(takers)('%s waits for secrets-check to pass', (name) => {
		expect(blocks.get(name)).toMatch(/depends_on:\n(?:\s+[\w-]+: .*\n)*?\s+secrets-check: \{ condition: service_completed_successfully \}/);
	});
});
