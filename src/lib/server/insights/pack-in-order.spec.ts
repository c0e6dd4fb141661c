import { describe, expect, it } from 'vitest';
import { packInOrder } from './pack-in-order';

/** Items are their own costs, so a case reads as the numbers and the groups they make. */
const byValue = (n: number) => n;

describe('packInOrder', () => {
	it.each<[string, number[], number, number[][]]>([
		['nothing packs into nothing', [], 10, []],
		['all fit: one group', [1, 2, 3], 10, [[1, 2, 3]]],
		['exactly the budget still fits', [4, 6], 10, [[4, 6]]],
		['one over the budget starts a new group', [4, 7], 10, [[4], [7]]],
		['groups close in order, never reordered to fill gaps', [6, 5, 4, 1], 10, [[6], [5, 4, 1]]],
		['an item over the budget is a group of its own', [2, 15, 3], 10, [[2], [15], [3]]],
		['an item over the budget first is alone too', [15, 2, 3], 10, [[15], [2, 3]]],
		['zero-cost items join the open group', [10, 0, 0], 10, [[10, 0, 0]]],
		['a budget of zero: one item a group', [1, 1, 1], 0, [[1], [1], [1]]]
	])('%s: %j within %i → %j', (_name, items, budget, expected) => {
		expect(packInOrder(items, byValue, budget)).toEqual(expected);
	});

	it('charges each item by the cost function, not by its value', () => {
		const words = ['a', 'bb', 'ccc', 'dddd'];
		expect(packInOrder(words, (w) => w.length, 5)).toEqual([['a', 'bb'], ['ccc'], ['dddd']]);
	});
});
