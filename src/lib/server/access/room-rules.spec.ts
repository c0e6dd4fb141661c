import { describe, expect, it } from 'vitest';
import {
	IN_CALL_GRACE_MS,
	LOCKED_REJOIN_GRACE_MS,
	decideAdmission,
	decideInCall,
	decideMembership,
	inCallFrom,
	decidePresence,
	decideToken,
	type AdmissionFacts,
	type MemberFacts,
	type TokenFacts
} from './room-rules';

const open: AdmissionFacts = { isHost: false, returning: false, askToJoin: false, locked: false, banned: false, seated: 2, capacity: 10 };

describe('decideAdmission (the join step)', () => {
	it.each<[string, Partial<AdmissionFacts>, string]>([
		['an open room', {}, 'direct'],
		['a room that asks to join', { askToJoin: true }, 'lobby'],
		['a locked room', { locked: true }, 'locked'],
		['a locked room that asks to join: no knocking either', { locked: true, askToJoin: true }, 'locked'],
		['a full room', { seated: 10 }, 'full'],
		['a full room that asks to join: no knocking either', { seated: 10, askToJoin: true }, 'full'],
		['one seat left', { seated: 9 }, 'direct'],
		['a removed browser', { banned: true }, 'removed'],
		['a removed browser at a room that asks', { banned: true, askToJoin: true }, 'removed'],
		['removed wins over locked', { banned: true, locked: true }, 'removed'],
		['the host into a locked, full room', { isHost: true, locked: true, seated: 10 }, 'direct'],
		['the host never knocks', { isHost: true, askToJoin: true }, 'direct'],
		['the host after a ban', { isHost: true, banned: true }, 'direct'],
		['someone let in before comes back without knocking', { returning: true, askToJoin: true }, 'direct'],
		['someone let in before, into a locked room (the token rule decides)', { returning: true, locked: true }, 'direct'],
		['someone let in before, but removed since', { returning: true, banned: true }, 'removed']
	])('%s → %s', (_name, facts, outcome) => {
		const expected = outcome === 'direct' || outcome === 'lobby' ? { ok: true, via: outcome } : { ok: false, reason: outcome };
		expect(decideAdmission({ ...open, ...facts })).toEqual(expected);
	});
});

const member: MemberFacts = { pass: { revoked: null, expired: false, sessionId: 's1', admitted: true }, openSessionId: 's1', participantRemoved: false };
const pass = (fields: Partial<NonNullable<MemberFacts['pass']>>) => ({ pass: { ...member.pass!, ...fields } });

describe('decideMembership (chat, screen share, every call after the join)', () => {
	it.each<[string, Partial<MemberFacts>, string | null]>([
		['a valid pass', {}, null],
		['no pass', { pass: null }, 'not_joined'],
		['a pass revoked by removal', pass({ revoked: 'removed' }), 'removed'],
		['a removed participant whose pass was not revoked yet', { participantRemoved: true }, 'removed'],
		['a pass of a session that ended', pass({ revoked: 'ended' }), 'ended'],
		['a pass of an older session', { openSessionId: 's2' }, 'ended'],
		['no session open any more', { openSessionId: null }, 'ended'],
		['an expired pass', pass({ expired: true }), 'pass_expired'],
		['removed outranks ended', pass({ revoked: 'removed', expired: true, sessionId: 's0' }), 'removed'],
		['a knock still waiting in the lobby', pass({ admitted: false }), 'in_lobby'],
		['a knock a host declined', pass({ admitted: false, revoked: 'denied' }), 'denied'],
		['a knock withdrawn', pass({ admitted: false, revoked: 'cancelled' }), 'not_joined'],
		['a knock that waited too long', pass({ admitted: false, expired: true }), 'pass_expired'],
		['a knock when the meeting ended', pass({ admitted: false, revoked: 'ended' }), 'ended']
	])('%s → %s', (_name, facts, reason) => {
		expect(decideMembership({ ...member, ...facts })).toEqual(reason ? { ok: false, reason } : { ok: true });
	});
});

const token: TokenFacts = { ...member, isHost: false, locked: false, present: false, leftAgoMs: null, seated: 2, capacity: 10 };

describe('decideToken (every LiveKit token)', () => {
	it.each<[string, Partial<TokenFacts>, string | null]>([
		['a member of an open room', {}, null],
		['a member of a locked room who never got in', { locked: true }, 'locked'],
		['a member still in a locked room (reconnecting)', { locked: true, present: true }, null],
		['a member who dropped out of a locked room moments ago', { locked: true, leftAgoMs: 30_000 }, null],
		['a member who left a locked room long ago', { locked: true, leftAgoMs: LOCKED_REJOIN_GRACE_MS }, 'locked'],
		['a full room', { seated: 10 }, 'full'],
		['a full room, but already in it', { seated: 10, present: true }, null],
		['the host into a locked, full room', { isHost: true, locked: true, seated: 10 }, null],
		['the host with a revoked pass', { isHost: true, ...pass({ revoked: 'removed' }) }, 'removed'],
		['removed, into an open room', { participantRemoved: true }, 'removed'],
		['after End for all', { ...pass({ revoked: 'ended' }), locked: true }, 'ended'],
		['a knocker not let in yet', pass({ admitted: false }), 'in_lobby']
	])('%s → %s', (_name, facts, reason) => {
		expect(decideToken({ ...token, ...facts })).toEqual(reason ? { ok: false, reason } : { ok: true });
	});
});

describe('decideInCall (chat, the board, screen share)', () => {
	it.each<[string, Partial<MemberFacts> & { inCall: boolean }, string | null]>([
		['a member LiveKit has in the call', { inCall: true }, null],
		['a member who took a pass and never connected (a ghost)', { inCall: false }, 'not_in_call'],
		['a removed member still connected', { inCall: true, participantRemoved: true }, 'removed'],
		['a knocker', { inCall: false, ...pass({ admitted: false }) }, 'in_lobby'],
		['after End for all', { inCall: true, ...pass({ revoked: 'ended' }) }, 'ended']
	])('%s → %s', (_name, facts, reason) => {
		expect(decideInCall({ ...member, ...facts })).toEqual(reason ? { ok: false, reason } : { ok: true });
	});
});

describe('inCallFrom (presence columns)', () => {
	const now = new Date('2026-12-06T12:00:00Z');
	const ago = (ms: number) => new Date(now.getTime() - ms);
	it.each<[string, { joined_at: Date | null; left_at: Date | null; removed_at: Date | null } | undefined, boolean]>([
		['connected', { joined_at: ago(60_000), left_at: null, removed_at: null }, true],
		['never connected', { joined_at: null, left_at: null, removed_at: null }, false],
		['dropped out moments ago (reconnecting)', { joined_at: ago(60_000), left_at: ago(5_000), removed_at: null }, true],
		['left longer ago than the grace', { joined_at: ago(120_000), left_at: ago(IN_CALL_GRACE_MS), removed_at: null }, false],
		['removed', { joined_at: ago(60_000), left_at: null, removed_at: ago(1_000) }, false],
		['nobody', undefined, false]
	])('%s → %s', (_name, presence, expected) => {
		expect(inCallFrom(presence, now)).toBe(expected);
	});
});

describe('decidePresence (LiveKit reports someone in the room)', () => {
	it.each<[string, { known: boolean; removed: boolean; inOpenSession: boolean }, string | null]>([
		['a member', { known: true, removed: false, inOpenSession: true }, null],
		['an identity nobody issued', { known: false, removed: false, inOpenSession: false }, 'not_joined'],
		['a removed participant reconnecting with an old token', { known: true, removed: true, inOpenSession: true }, 'removed'],
		['a participant of an ended meeting', { known: true, removed: false, inOpenSession: false }, 'ended']
	])('%s → %s', (_name, facts, reason) => {
		expect(decidePresence(facts)).toEqual(reason ? { ok: false, reason } : { ok: true });
	});
});
