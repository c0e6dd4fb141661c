import type { Cookies } from '@sveltejs/kit';
import { randomToken, sign, unsign } from '../crypto/secrets';
import { env } from '../env';

/**
 * The browser's credentials, as signed httpOnly cookies. Each names a server-side record
 * the room policy checks on every use; the cookie alone grants nothing.
 * - `stoom-browser`: this browser (a ban for a removed participant names it);
 * - `host-<code>`: a host session of the room;
 * - `join-<code>`: a join pass for one meeting session.
 */
export interface Credentials {
	browserId: string | null;
	hostSessionId: string | null;
	passId: string | null;
}

const BROWSER_COOKIE = 'stoom-browser';
const YEAR = 60 * 60 * 24 * 365;
const MONTH = 60 * 60 * 24 * 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function options(secure: boolean, maxAge: number) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge };
}

function read(cookies: Cookies, name: string, kind: string): string | null {
	const raw = cookies.get(name);
	const value = raw ? unsign(raw, env().SESSION_SECRET) : null;
	const prefix = `${kind}:`;
	return value?.startsWith(prefix) ? value.slice(prefix.length) : null;
}

function write(cookies: Cookies, name: string, kind: string, value: string, secure: boolean, maxAge: number): void {
	cookies.set(name, sign(`${kind}:${value}`, env().SESSION_SECRET), options(secure, maxAge));
}

const uuidOrNull = (value: string | null) => (value && UUID.test(value) ? value : null);

export function credentialsFor(cookies: Cookies, code: string): Credentials {
	return {
		browserId: read(cookies, BROWSER_COOKIE, 'browser'),
		hostSessionId: uuidOrNull(read(cookies, `host-${code}`, `host-${code}`)),
		passId: uuidOrNull(read(cookies, `join-${code}`, `join-${code}`))
	};
}

/** This browser's id, made and stored on first need. */
export function ensureBrowserId(cookies: Cookies, secure: boolean): string {
	const existing = read(cookies, BROWSER_COOKIE, 'browser');
	if (existing) return existing;
	const id = randomToken(16);
	write(cookies, BROWSER_COOKIE, 'browser', id, secure, YEAR);
	return id;
}

export function setHostSessionCookie(cookies: Cookies, code: string, hostSessionId: string, secure: boolean): void {
	write(cookies, `host-${code}`, `host-${code}`, hostSessionId, secure, MONTH);
}

export function setJoinPassCookie(cookies: Cookies, code: string, passId: string, secure: boolean): void {
	write(cookies, `join-${code}`, `join-${code}`, passId, secure, MONTH);
}
