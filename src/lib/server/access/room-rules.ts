import { m } from '#lib/paraglide/messages';

/**
 * The room's rules as pure decisions over facts the policy reads from the database. One
 * place answers "may this browser be in this room now": the join step, every token, chat,
 * screen share and presence in LiveKit all ask through these.
 */

export type Denial = 'not_joined' | 'pass_expired' | 'removed' | 'ended' | 'locked' | 'full' | 'in_lobby' | 'denied' | 'not_in_call';

export type Decision = { ok: true } | { ok: false; reason: Denial };

const ALLOW: Decision = { ok: true };
const deny = (reason: Denial): { ok: false; reason: Denial } => ({ ok: false, reason });

/** A participant who dropped out of a locked meeting may come back this soon after leaving. */
export const LOCKED_REJOIN_GRACE_MS = 120_000;

export interface AdmissionFacts {
	isHost: boolean;
	/** This browser was let into this meeting and its pass is still good (a reload, a second tab). */
	returning: boolean;
	/** The room asks to join (its setting, or a removal earlier in this meeting). */
	askToJoin: boolean;
	locked: boolean;
	/** The host removed this browser from the open session. */
	banned: boolean;
	/** People holding a seat in the open session (this browser's own participant excluded). */
	seated: number;
	capacity: number;
}

export type AdmissionDecision = { ok: true; via: 'direct' | 'lobby' } | { ok: false; reason: Denial };

/**
 * The join step, before any password is checked (the cheap rules first). The host is never
 * refused and never knocks; someone already let into this meeting comes back without knocking
 * (the token's rule then applies the lock and the capacity, with its grace for a reconnect);
 * everyone else knocks when the room asks to join.
 */
export function decideAdmission(f: AdmissionFacts): AdmissionDecision {
	if (f.isHost) return { ok: true, via: 'direct' };
	if (f.banned) return deny('removed');
	if (f.returning) return { ok: true, via: 'direct' };
	if (f.locked) return deny('locked');
	if (f.seated >= f.capacity) return deny('full');
	return { ok: true, via: f.askToJoin ? 'lobby' : 'direct' };
}

export interface PassFacts {
	revoked: 'removed' | 'ended' | 'denied' | 'cancelled' | null;
	expired: boolean;
	sessionId: string;
	/** Let in (at once, or from the lobby); false while waiting. */
	admitted: boolean;
}

export interface MemberFacts {
	pass: PassFacts | null;
	/** The room's open session now, if any. */
	openSessionId: string | null;
	participantRemoved: boolean;
}

/**
 * A valid member: holds a live pass of the room's current session, was let in and was not
 * removed. Enough for a LiveKit token; acting in the meeting also takes being in the call.
 */
export function decideMembership(f: MemberFacts): Decision {
	if (!f.pass) return deny('not_joined');
	if (f.pass.revoked === 'removed' || f.participantRemoved) return deny('removed');
	if (f.pass.revoked === 'ended' || f.pass.sessionId !== f.openSessionId) return deny('ended');
	if (f.pass.revoked === 'denied') return deny('denied');
	if (f.pass.revoked === 'cancelled') return deny('not_joined');
	if (f.pass.expired) return deny('pass_expired');
	if (!f.pass.admitted) return deny('in_lobby');
	return ALLOW;
}

/** A participant who dropped out keeps acting in the meeting this long (a reconnect, a media node's failover). */
export const IN_CALL_GRACE_MS = 30_000;

export interface InCallFacts extends MemberFacts {
	/** LiveKit reported them in the call and not gone, or gone less than IN_CALL_GRACE_MS ago. */
	inCall: boolean;
}

/**
 * Chat, the board and screen share: a valid member whom LiveKit has connected. A pass alone
 * (someone who joined and never connected) is not enough: the others never see them.
 */
export function decideInCall(f: InCallFacts): Decision {
	const member = decideMembership(f);
	if (!member.ok) return member;
	return f.inCall ? ALLOW : deny('not_in_call');
}

/** Whether presence columns put someone in the call at `now` (the grace included). */
export function inCallFrom(p: { joined_at: Date | null; left_at: Date | null; removed_at: Date | null } | undefined, now: Date): boolean {
	if (!p || p.joined_at === null || p.removed_at !== null) return false;
	return p.left_at === null || now.getTime() - p.left_at.getTime() < IN_CALL_GRACE_MS;
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

/** What a participant reads when refused (read when answering, so in the request's language). */
export const DENIAL_MESSAGES: Record<Denial, () => string> = {
	not_joined: () => m.server_denied_not_joined(),
	pass_expired: () => m.server_denied_pass_expired(),
	removed: () => m.server_denied_removed(),
	ended: () => m.server_denied_ended(),
	locked: () => m.server_denied_locked(),
	full: () => m.server_denied_full(),
	in_lobby: () => m.server_denied_in_lobby(),
	denied: () => m.server_denied_denied(),
	not_in_call: () => m.server_denied_not_in_call()
};
