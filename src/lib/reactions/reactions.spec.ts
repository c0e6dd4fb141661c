import { describe, expect, it } from 'vitest';
import { addToStream, isReactionEmoji, parseReaction, type Reaction } from './reactions';

const reaction = (id: string, emoji: Reaction['emoji'] = '👍'): Reaction => ({ id, identity: 'p-1', name: 'Ana', emoji });

describe('isReactionEmoji', () => {
	it.each([
		['👍', true],
		['❤️', true],
		['❤', false], // without the variation selector: not one of ours
		['<script>', false],
		['', false],
		[7, false]
	])('%s → %s', (value, expected) => {
		expect(isReactionEmoji(value)).toBe(expected);
	});
});

describe('parseReaction', () => {
	it.each([
		['a reaction', reaction('r1'), reaction('r1')],
		['an emoji not on the list', { ...reaction('r1'), emoji: '💩' }, null],
		['no id', { identity: 'p', name: 'A', emoji: '👍' }, null],
		['not an object', 'r1', null]
	])('%s', (_name, value, expected) => {
		expect(parseReaction(value)).toEqual(expected);
	});
});

describe('addToStream', () => {
	it.each([
		['adds the newest last', [reaction('a')], reaction('b'), 6, ['a', 'b']],
		['a reaction seen already is not shown twice', [reaction('a')], reaction('a'), 6, ['a']],
		['the oldest give way past the maximum', [reaction('a'), reaction('b'), reaction('c')], reaction('d'), 3, ['b', 'c', 'd']]
	])('%s', (_name, stream, incoming, max, ids) => {
		expect(addToStream(stream, incoming, max).map((r) => r.id)).toEqual(ids);
	});
});
