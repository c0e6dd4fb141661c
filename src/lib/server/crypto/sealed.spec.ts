import { describe, expect, it } from 'vitest';
import { seal, unseal } from './sealed';

const MASTER = 'a-session-secret-of-at-least-thirty-two-chars';

describe('sealed secrets', () => {
	const sealed = seal('whsec_abc', MASTER, 'item-webhook-secret', 'room-1');

	it('opens with the same key, purpose and context', () => {
		expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
		expect(sealed).not.toContain('whsec_abc');
		expect(unseal(sealed, MASTER, 'item-webhook-secret', 'room-1')).toBe('whsec_abc');
	});

	it('differs each time (random IV)', () => {
		expect(seal('whsec_abc', MASTER, 'item-webhook-secret', 'room-1')).not.toBe(sealed);
	});

	it.each([
		['another master secret', () => unseal(sealed, `${MASTER}x`, 'item-webhook-secret', 'room-1')],
		['another purpose', () => unseal(sealed, MASTER, 'other', 'room-1')],
		['another row', () => unseal(sealed, MASTER, 'item-webhook-secret', 'room-2')],
		['an altered ciphertext', () => unseal(sealed.replace(/\.([\w-])/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`), MASTER, 'item-webhook-secret', 'room-1')],
		['garbage', () => unseal('v1.x', MASTER, 'item-webhook-secret', 'room-1')]
	])('does not open with %s', (_name, open) => {
		expect(open()).toBeNull();
	});
});
