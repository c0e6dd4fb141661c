/**
 * The room's rules as pure decisions over facts the policy reads from the database. One
 * place answers "may this browser be in this room now": the join step, every token, chat,
 * screen share and presence in LiveKit all ask through these.
 */

export type Denial = 'not_joined' | 'pass_expired' | 'removed' | 'ended' | 'locked' | 'full';

export type Decision = { ok: true } | { ok: false; reason: Denial };

const ALLOW: Decision = { ok: true };
const deny = (reason: Denial): Decision => ({ ok: false, reason });

/** A participant who dropped out of a locked meeting may come back this soon after leaving. */
export const LOCKED_REJOIN_GRACE_MS = 120_000;

export interface AdmissionFacts {
	isHost: boolean;
	locked: boolean;
	/** The host removed this browser from the open session. */
	banned: boolean;
	/** People holding a seat in the open session (this browser's own participant excluded). */
	seated: number;
	capacity: number;
}

/** The join step, before any password is checked (the cheap rules first). The host is never refused. */
export function decideAdmission(f: AdmissionFacts): Decision {
	if (f.isHost) return ALLOW;
	if (f.banned) return deny('removed');
	if (f.locked) return deny('locked');
	if (f.seated >= f.capacity) return deny('full');
	return ALLOW;
}

export interface PassFacts {
	revoked: 'removed' | 'ended' | null;
	expired: boolean;
	sessionId: string;
}

export interface MemberFacts {
	pass: PassFacts | null;
	/** The room's open session now, if any. */
	openSessionId: string | null;
	participantRemoved: boolean;
}

/** A valid member: holds a live pass of the room's current session and was not removed. */
export function decideMembership(f: MemberFacts): Decision {
	if (!f.pass) return deny('not_joined');
	if (f.pass.revoked === 'removed' || f.participantRemoved) return deny('removed');
	if (f.pass.revoked === 'ended' || f.pass.sessionId !== f.openSessionId) return deny('ended');
	if (f.pass.expired) return deny('pass_expired');
	return ALLOW;
}

export interface TokenFacts extends MemberFacts {
	isHost: boolean;
	locked: boolean;
	/** LiveKit reports the participant in the room. */
	present: boolean;
	/** Milliseconds since LiveKit reported them gone (null: never left, or present). */
	leftAgoMs: number | null;
	seated: number;
	capacity: number;
}

/**
 * A LiveKit token: a valid member, and the room's lock and capacity hold at this moment too
 * (not only when the pass was issued). Someone still in the call, or who dropped out moments
 * ago, may reconnect into a locked meeting; nobody else may.
 */
export function decideToken(f: TokenFacts): Decision {
	const member = decideMembership(f);
	if (!member.ok || f.isHost) return member;
	const returning = f.present || (f.leftAgoMs !== null && f.leftAgoMs < LOCKED_REJOIN_GRACE_MS);
	if (f.locked && !returning) return deny('locked');
	if (!f.present && f.seated >= f.capacity) return deny('full');
	return ALLOW;
}

export interface PresenceFacts {
	/** The participant is known to the room at all. */
	known: boolean;
	removed: boolean;
	/** Their participant row belongs to the room's open session. */
	inOpenSession: boolean;
}

/** Whether a participant LiveKit reports in the room may stay there (checked on every join). */
export function decidePresence(f: PresenceFacts): Decision {
	if (!f.known) return deny('not_joined');
	if (f.removed) return deny('removed');
	if (!f.inOpenSession) return deny('ended');
	return ALLOW;
}

/** What a participant reads when refused. */
export const DENIAL_MESSAGES: Record<Denial, string> = {
	not_joined: 'Join the meeting first.',
	pass_expired: 'Your pass to this meeting has expired. Join again.',
	removed: 'The host removed you from this meeting. You cannot rejoin it.',
	ended: 'This meeting has ended.',
	locked: 'The host has locked this meeting. Ask them to unlock it.',
	full: 'This meeting is full.'
};
