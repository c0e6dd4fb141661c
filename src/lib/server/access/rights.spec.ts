import { describe, expect, it } from 'vitest';
import { mayRemove, rightsFor, roleOf, type RightsRoom, type Role } from './rights';

describe('roleOf', () => {
	it.each<[boolean, boolean, Role]>([
		[true, false, 'host'],
		[true, true, 'host'],
		[false, true, 'cohost'],
		[false, false, 'guest']
	])('host session %s, co-host %s → %s', (hostSession, cohost, role) => {
		expect(roleOf({ hostSession, cohost })).toBe(role);
	});
});

const drawing: RightsRoom = { whiteboardViewOnly: false, presenterId: 'p1' };
const viewOnly: RightsRoom = { whiteboardViewOnly: true, presenterId: null };

describe('rightsFor', () => {
	it.each<[string, RightsRoom, Role, string | null, { moderate: boolean; own: boolean; draw: boolean; present: boolean }]>([
		['a guest on a drawing board', drawing, 'guest', 'p2', { moderate: false, own: false, draw: true, present: false }],
		['a guest on a view-only board', viewOnly, 'guest', 'p2', { moderate: false, own: false, draw: false, present: false }],
		['the presenting guest', drawing, 'guest', 'p1', { moderate: false, own: false, draw: true, present: true }],
		['a co-host on a view-only board', viewOnly, 'cohost', 'p3', { moderate: true, own: false, draw: true, present: false }],
		['the host on a view-only board', viewOnly, 'host', 'p4', { moderate: true, own: true, draw: true, present: false }],
		['the presenting host', drawing, 'host', 'p1', { moderate: true, own: true, draw: true, present: true }],
		['nobody in particular (no participant)', { whiteboardViewOnly: false, presenterId: null }, 'guest', null, { moderate: false, own: false, draw: true, present: false }]
	])('%s', (_name, room, role, participantId, expected) => {
		expect(rightsFor(room, { role, participantId })).toEqual({ role, ...expected });
	});
});

describe('mayRemove', () => {
	it.each<[Role, Role, boolean]>([
		['host', 'guest', true],
		['host', 'cohost', true],
		['host', 'host', false],
		['cohost', 'guest', true],
		['cohost', 'cohost', false],
		['cohost', 'host', false],
		['guest', 'guest', false]
	])('%s removes %s → %s', (actor, target, allowed) => {
		expect(mayRemove(actor, target)).toBe(allowed);
	});
});
