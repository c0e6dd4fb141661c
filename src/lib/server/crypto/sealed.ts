import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets the server must read back (a webhook's signing secret), sealed at rest:
 * AES-256-GCM under a key derived with HKDF-SHA256 from the app's SESSION_SECRET and a
 * purpose label, so a database dump alone does not reveal them and each purpose has its
 * own key. `context` (e.g. the room id) is authenticated: a sealed value copied to another
 * row does not open. Format: `v1.<iv>.<ciphertext>.<tag>`, base64url parts.
 * Changing SESSION_SECRET makes sealed values unreadable (hosts generate a new secret).
 */
export function seal(plain: string, masterSecret: string, purpose: string, context: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', sealingKey(masterSecret, purpose), iv);
	cipher.setAAD(Buffer.from(context));
	const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return ['v1', iv, body, cipher.getAuthTag()].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The sealed value, or null when it was sealed under another key or context, or altered. */
export function unseal(sealed: string, masterSecret: string, purpose: string, context: string): string | null {
	const [version, iv, body, tag] = sealed.split('.');
	if (version !== 'v1' || !iv || body === undefined || !tag) return null;
	try {
		const decipher = createDecipheriv('aes-256-gcm', sealingKey(masterSecret, purpose), Buffer.from(iv, 'base64url'));
		decipher.setAAD(Buffer.from(context));
		decipher.setAuthTag(Buffer.from(tag, 'base64url'));
		return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
	} catch {
		return null;
	}
}

function sealingKey(masterSecret: string, purpose: string): Buffer {
	return Buffer.from(hkdfSync('sha256', masterSecret, 'stoom-sealed-v1', purpose, 32));
}
