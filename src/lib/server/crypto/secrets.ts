import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { semaphore } from './semaphore';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
// scrypt N=2^15, r=8: ~50 ms and 32 MiB per guess on this hardware class.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
// scrypt runs on libuv's thread pool (4 threads), which also reads recording files: two
// at a time at most, so password guessing can never starve file streaming.
const slowHash = semaphore(2);

/** A URL-safe random token with `bytes` bytes of entropy. */
export function randomToken(bytes = 24): string {
	return randomBytes(bytes).toString('base64url');
}

/** Hash for high-entropy secrets (host keys): SHA-256 is enough, no KDF needed. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

export function tokenMatches(token: string, hash: string): boolean {
	return safeEqual(hashToken(token), hash);
}

/** Slow, salted hash for human-chosen room passwords. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await slowHash(() => scryptAsync(password.normalize('NFKC'), salt, 32, SCRYPT));
	return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, key] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !key) return false;
	const expected = Buffer.from(key, 'base64url');
	const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem };
	const actual = await slowHash(() => scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, options));
	return timingSafeEqual(actual, expected);
}

/** `value.signature`, HMAC-SHA256 under `secret`, for cookies the browser must not forge. */
export function sign(value: string, secret: string): string {
	return `${value}.${createHmac('sha256', secret).update(value).digest('base64url')}`;
}

/** The signed value, or null when the signature is missing or wrong. */
export function unsign(signed: string, secret: string): string | null {
	const dot = signed.lastIndexOf('.');
	if (dot <= 0) return null;
	const value = signed.slice(0, dot);
	return safeEqual(sign(value, secret), signed) ? value : null;
}

function safeEqual(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}
