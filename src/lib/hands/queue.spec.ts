import { describe, expect, it } from 'vitest';
import { EMPTY_QUEUE, handPositions, handsPresent, newestQueue, parseHandQueue, type HandQueue } from './queue';

const hand = (identity: string, raisedAt = '2026-12-06T10:00:00.000Z') => ({ identity, name: identity.toUpperCase(), raisedAt });
const queue = (version: number, ...ids: string[]): HandQueue => ({ version, hands: ids.map((id) => hand(id)) });

describe('newestQueue', () => {
	it.each([
		['a first queue replaces the empty one', EMPTY_QUEUE, queue(3, 'a'), queue(3, 'a')],
		['a newer queue replaces an older one', queue(3, 'a'), queue(5, 'a', 'b'), queue(5, 'a', 'b')],
		['an older broadcast arriving late is ignored', queue(5, 'a', 'b'), queue(3, 'a'), queue(5, 'a', 'b')],
		['the same version again changes nothing', queue(5, 'a'), queue(5), queue(5, 'a')],
		['an emptied queue that is newer empties it', queue(5, 'a'), queue(6), queue(6)]
	])('%s', (_name, current, incoming, expected) => {
		expect(newestQueue(current, incoming)).toEqual(expected);
	});
});

describe('handsPresent and handPositions', () => {
	it.each([
		['everyone present, in the order raised', queue(1, 'a', 'b', 'c'), ['a', 'b', 'c'], { a: 1, b: 2, c: 3 }],
		['someone gone: the others move up', queue(1, 'a', 'b', 'c'), ['a', 'c'], { a: 1, c: 2 }],
		['nobody present', queue(1, 'a'), [], {}],
		['no hands', queue(1), ['a'], {}]
	])('%s', (_name, q, present, positions) => {
		const shown = handsPresent(q, new Set(present));
		expect(Object.fromEntries(handPositions(shown))).toEqual(positions);
	});
});

describe('parseHandQueue', () => {
	it.each([
		['a queue', { version: 2, hands: [hand('a')] }, { version: 2, hands: [hand('a')] }],
		['an empty queue', { version: 0, hands: [] }, { version: 0, hands: [] }],
		['no version', { hands: [] }, null],
		['hands not a list', { version: 1, hands: 'a' }, null],
		['a hand without a name', { version: 1, hands: [{ identity: 'a', raisedAt: 'x' }] }, null],
		['not an object', 'queue', null],
		['null', null, null]
	])('%s', (_name, value, expected) => {
		expect(parseHandQueue(value)).toEqual(expected);
	});
});
