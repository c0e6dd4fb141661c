import { describe, expect, it } from 'vitest';
import {
	LOCKED_REJOIN_GRACE_MS,
	decideAdmission,
	decideMembership,
	decidePresence,
	decideToken,
	type AdmissionFacts,
	type MemberFacts,
	type TokenFacts
} from './room-rules';

const open: AdmissionFacts = { isHost: false, locked: false, banned: false, seated: 2, capacity: 10 };

describe('decideAdmission (the join step)', () => {
	it.each<[string, Partial<AdmissionFacts>, string | null]>([
		['an open room', {}, null],
		['a locked room', { locked: true }, 'locked'],
		['a full room', { seated: 10 }, 'full'],
		['one seat left', { seated: 9 }, null],
		['a removed browser', { banned: true }, 'removed'],
		['removed wins over locked', { banned: true, locked: true }, 'removed'],
		['the host into a locked, full room', { isHost: true, locked: true, seated: 10 }, null],
		['the host after a ban', { isHost: true, banned: true }, null]
	])('%s → %s', (_name, facts, reason) => {
		expect(decideAdmission({ ...open, ...facts })).toEqual(reason ? { ok: false, reason } : { ok: true });
	});
});

const member: MemberFacts = { pass: { revoked: null, expired: false, sessionId: 's1' }, openSessionId: 's1', participantRemoved: false };

describe('decideMembership (chat, screen share, every call after the join)', () => {
	it.each<[string, Partial<MemberFacts>, string | null]>([
		['a valid pass', {}, null],
		['no pass', { pass: null }, 'not_joined'],
		['a pass revoked by removal', { pass: { revoked: 'removed', expired: false, sessionId: 's1' } }, 'removed'],
		['a removed participant whose pass was not revoked yet', { participantRemoved: true }, 'removed'],
		['a pass of a session that ended', { pass: { revoked: 'ended', expired: false, sessionId: 's1' } }, 'ended'],
		['a pass of an older session', { openSessionId: 's2' }, 'ended'],
		['no session open any more', { openSessionId: null }, 'ended'],
		['an expired pass', { pass: { revoked: null, expired: true, sessionId: 's1' } }, 'pass_expired'],
		['removed outranks ended', { pass: { revoked: 'removed', expired: true, sessionId: 's0' } }, 'removed']
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
		['the host with a revoked pass', { isHost: true, pass: { revoked: 'removed', expired: false, sessionId: 's1' } }, 'removed'],
		['removed, into an open room', { participantRemoved: true }, 'removed'],
		['after End for all', { pass: { revoked: 'ended', expired: false, sessionId: 's1' }, locked: true }, 'ended']
	])('%s → %s', (_name, facts, reason) => {
		expect(decideToken({ ...token, ...facts })).toEqual(reason ? { ok: false, reason } : { ok: true });
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
