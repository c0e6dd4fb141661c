import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signing as Standard Webhooks (standardwebhooks.com) does it, so its libraries verify ours:
 * the secret is `whsec_` + base64 of 32 random bytes (the HMAC key is those bytes); the
 * signature is `v1,` + base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`, timestamp in
 * Unix seconds.
 */
export function newSigningSecret(): string {
	return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The signature (without the `v1,` prefix). */
export function signPayload(secret: string, id: string, timestamp: number, body: string): string {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** The headers one delivery attempt carries. */
export function signatureHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
	return {
		'webhook-id': id,
		'webhook-timestamp': String(timestamp),
		'webhook-signature': `v1,${signPayload(secret, id, timestamp, body)}`
	};
}

/**
 * What a receiver does: true when one of the space-separated `v1,` signatures matches and
 * the timestamp is within `toleranceSeconds` of `now` (replays of old deliveries fail).
 */
export function verifySignature(
	secret: string,
	headers: { id: string; timestamp: string; signature: string },
	body: string,
	now = Math.floor(Date.now() / 1000),
	toleranceSeconds = 300
): boolean {
	const timestamp = Number(headers.timestamp);
	if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > toleranceSeconds) return false;
	const expected = Buffer.from(signPayload(secret, headers.id, timestamp, body));
	return headers.signature.split(' ').some((part) => {
		const [version, value] = part.split(',');
		const given = Buffer.from(value ?? '');
		return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
	});
}
