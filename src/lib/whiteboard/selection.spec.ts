import { describe, expect, it } from 'vitest';
import { ellipse, line, note, pen, rect, text } from './fixtures';
import { addCaught, keepExisting, pressSelect, restyleTargets, without } from './selection';

describe('pressSelect', () => {
	it.each([
		['an unselected shape', ['a'], 'b', false, ['b'], 'move'],
		['an unselected shape with Shift', ['a'], 'b', true, ['a', 'b'], 'move'],
		['a selected shape', ['a', 'b'], 'b', false, ['a', 'b'], 'move'],
		['a selected shape with Shift', ['a', 'b'], 'a', true, ['b'], null],
		['the empty board', ['a'], null, false, [], 'band'],
		['the empty board with Shift', ['a'], null, true, ['a'], 'band'],
		['a shape, nothing selected', [], 'a', false, ['a'], 'move']
	])('on %s', (_, selection, hit, shift, after, drag) => {
		expect(pressSelect(selection, hit, shift)).toEqual({ selection: after, drag });
	});

	it.each([
		['a selected shape', 'a', false],
		['the empty board with Shift', null, true]
	])('keeps the same selection array on %s', (_, hit, shift) => {
		const selection = ['a'];
		expect(pressSelect(selection, hit, shift).selection).toBe(selection);
	});
});

describe('addCaught', () => {
	it.each([
		[[], [], []],
		[[], ['a', 'b'], ['a', 'b']],
		[['c'], ['a', 'b'], ['c', 'a', 'b']],
		[['a', 'c'], ['a', 'b'], ['a', 'c', 'b']]
	])('%j + %j → %j', (base, caught, selection) => {
		expect(addCaught(base, caught)).toEqual(selection);
	});
});

describe('without', () => {
	it.each([
		[['a', 'b'], 'a', ['b']],
		[['a', 'b'], 'c', ['a', 'b']],
		[[], 'a', []]
	])('%j without %s → %j', (selection, id, after) => {
		expect(without(selection, id)).toEqual(after);
	});
});

describe('keepExisting', () => {
	const exists = (id: string) => id !== 'gone';

	it.each([
		[['a', 'gone', 'b'], ['a', 'b']],
		[['gone'], []]
	])('%j → %j', (selection, after) => {
		expect(keepExisting(selection, exists)).toEqual(after);
	});

	it.each([[['a', 'b']], [[]]])('keeps the same array when nothing is gone: %j', (selection) => {
		expect(keepExisting(selection, exists)).toBe(selection);
	});
});

describe('restyleTargets', () => {
	const shapes = [
		pen('p', 0, 0, [[0, 0, 0.5]]),
		line('l', [0, 0, 1, 1]),
		rect('r', [0, 0, 1, 1]),
		ellipse('e', [0, 0, 1, 1]),
		note('n', [0, 0, 1, 1], ''),
		text('t', [0, 0, 1, 1], '')
	];

	it.each([
		['a colour', { color: 'red' as const }, ['p', 'l', 'r', 'e', 'n', 't']],
		['a width', { width: 8 as const }, ['p', 'l', 'r', 'e', 'n', 't']],
		['a fill', { filled: true }, ['r', 'e']],
		['no fill', { filled: false }, ['r', 'e']]
	])('%s applies to %j', (_, patch, ids) => {
		expect(restyleTargets(shapes, patch).map((s) => s.id)).toEqual(ids);
	});
});
