import { describe, expect, it } from 'vitest';
import { computeGrid, deviceClass } from './grid';

const desktop = { width: 1440, height: 900 };
const tablet = { width: 900, height: 700 };
const phone = { width: 390, height: 844 };

describe('computeGrid on a desktop follows the seed rules', () => {
	it.each([
		[1, 1, 1, false, 100],
		[2, 2, 1, false, 50],
		[3, 2, 2, false, 50],
		[4, 2, 2, false, 50],
		[5, 3, 2, false, 33.33],
		[9, 3, 3, false, 33.33],
		[10, 4, 3, false, 25],
		[16, 4, 4, false, 25],
		[17, 4, 4, true, 25],
		[25, 4, 4, true, 25]
	])('%i participants → %i columns, %i rows, scroll %s, %f%%', (count, columns, rows, scroll, width) => {
		const grid = computeGrid(count, desktop);
		expect(grid).toMatchObject({ columns, rows, scroll, tileWidthPercent: width });
		expect(grid.columns * grid.totalRows).toBeGreaterThanOrEqual(count);
	});
});

describe('computeGrid is responsive', () => {
	it('never gives a phone more than two columns', () => {
		for (let n = 1; n <= 25; n++) expect(computeGrid(n, phone).columns).toBeLessThanOrEqual(2);
	});
	it('stacks two people on a portrait phone', () => {
		expect(computeGrid(2, phone)).toMatchObject({ columns: 1, rows: 2 });
	});
	it('caps a tablet at three columns and scrolls past three rows', () => {
		expect(computeGrid(12, tablet)).toMatchObject({ columns: 3, rows: 3, totalRows: 4, scroll: true });
	});
	it.each([
		[{ width: 390, height: 844 }, 'mobile'],
		[{ width: 800, height: 1000 }, 'tablet'],
		[{ width: 1280, height: 720 }, 'desktop']
	] as const)('%o is a %s', (viewport, expected) => {
		expect(deviceClass(viewport)).toBe(expected);
	});
});
