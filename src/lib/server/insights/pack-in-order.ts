/**
 * Packs items, in their order, into consecutive groups whose summed cost fits the budget: the
 * meeting's lines into parts, the parts' notes into combine requests. Every item lands in
 * exactly one group; an item costlier than the budget alone is a group of its own (it has to
 * go somewhere, and splitting it is the caller's business).
 */
export function packInOrder<T>(items: readonly T[], cost: (item: T) => number, budget: number): T[][] {
	const groups: T[][] = [];
	let current: T[] = [];
	let used = 0;
	for (const item of items) {
		const itemCost = cost(item);
		if (current.length && used + itemCost > budget) {
			groups.push(current);
			current = [];
			used = 0;
		}
		current.push(item);
		used += itemCost;
	}
	if (current.length) groups.push(current);
	return groups;
}
