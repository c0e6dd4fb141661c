import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSigningSecret, signatureHeaders, signPayload, verifySignature } from './signing';

// Standard Webhooks' own test vector (standard-webhooks spec, libraries' tests).
const VECTOR = {
	secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
	id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
	timestamp: 1614265330,
	body: '{"test": 2432232314}',
	signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
};

describe('signing', () => {
	it('matches the Standard Webhooks test vector', () => {
		const headers = signatureHeaders(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body);
		expect(headers).toEqual({ 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature });
	});

	it('is an HMAC-SHA256 keyed with the secret’s bytes over id.timestamp.body', () => {
		const secret = newSigningSecret();
		const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
		expect(key).toHaveLength(32);
		const expected = createHmac('sha256', key).update('abc.123.{"a":1}').digest('base64');
		expect(signPayload(secret, 'abc', 123, '{"a":1}')).toBe(expected);
	});

	it('new secrets differ', () => {
		expect(newSigningSecret()).not.toBe(newSigningSecret());
		expect(newSigningSecret()).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
	});

	const now = 1_800_000_000;
	const secret = newSigningSecret();
	const body = '{"id":"d1","type":"item.created"}';
	const good = signatureHeaders(secret, 'd1', now, body);
	const signed = { id: good['webhook-id']!, timestamp: good['webhook-timestamp']!, signature: good['webhook-signature']! };

	it.each([
		['the signed request', signed, body, true],
		['one of several signatures (a receiver during rotation)', { ...signed, signature: `v1,AAAA ${signed.signature}` }, body, true],
		['another body', signed, body.replace('created', 'updated'), false],
		['another id', { ...signed, id: 'd2' }, body, false],
		['another timestamp', { ...signed, timestamp: String(now + 1) }, body, false],
		['another version', { ...signed, signature: signed.signature.replace('v1,', 'v2,') }, body, false],
		['no signature', { ...signed, signature: '' }, body, false]
	])('verifies %s: %s', (_name, headers, payload, expected) => {
		expect(verifySignature(secret, headers, payload, now)).toBe(expected);
	});

	it('refuses another secret and stale timestamps', () => {
		expect(verifySignature(newSigningSecret(), signed, body, now)).toBe(false);
		expect(verifySignature(secret, signed, body, now + 301)).toBe(false);
		expect(verifySignature(secret, signed, body, now + 299)).toBe(true);
	});
});
