import type { Cookies } from '@sveltejs/kit';
import { env } from '../env';
import { sign, unsign } from './secrets';

/**
 * Two signed, httpOnly cookies per room:
 * - the host session (`host-<code>`): this browser created the room or used the host link;
 * - the join pass (`join-<code>`): this browser passed the join step as a given participant.
 */
const HOST_MAX_AGE = 60 * 60 * 24 * 30;
const JOIN_MAX_AGE = 60 * 60 * 12;

function options(secure: boolean, maxAge: number) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge };
}

export function setHostSession(cookies: Cookies, code: string, roomId: string, secure: boolean): void {
	cookies.set(`host-${code}`, sign(`host:${roomId}`, env().SESSION_SECRET), options(secure, HOST_MAX_AGE));
}

export function isHostOf(cookies: Cookies, code: string, roomId: string): boolean {
	const raw = cookies.get(`host-${code}`);
	return raw !== undefined && unsign(raw, env().SESSION_SECRET) === `host:${roomId}`;
}

export function setJoinPass(cookies: Cookies, code: string, participantId: string, secure: boolean): void {
	cookies.set(`join-${code}`, sign(`join:${code}:${participantId}`, env().SESSION_SECRET), options(secure, JOIN_MAX_AGE));
}

/** The participant this browser joined the room as, or null without a valid pass. */
export function joinPassParticipant(cookies: Cookies, code: string): string | null {
	const raw = cookies.get(`join-${code}`);
	const value = raw ? unsign(raw, env().SESSION_SECRET) : null;
	const prefix = `join:${code}:`;
	return value?.startsWith(prefix) ? value.slice(prefix.length) : null;
}
