import { describe, expect, it } from 'vitest';
import { pen } from './fixtures';
import { dropNearPoints, isNear, outlineToSvgPath, penOutline, strokeOutline, type Outline } from './pen';
import type { PenPoint } from './shapes';

describe('dropNearPoints with tolerance 2', () => {
	it.each<[string, number[][], number[][]]>([
		['no points', [], []],
		['a single point', [[5, 5]], [[5, 5]]],
		['points at least the tolerance apart stay', [[0, 0], [2, 0], [4, 0]], [[0, 0], [2, 0], [4, 0]]],
		['near points go', [[0, 0], [0.5, 0], [1, 0], [3, 0]], [[0, 0], [3, 0]]],
		['a near last point replaces the kept point before it', [[0, 0], [3, 0], [4, 0]], [[0, 0], [4, 0]]],
		['a stroke that never moved far keeps both ends', [[0, 0], [0.5, 0], [1, 1]], [[0, 0], [1, 1]]],
		['distance is measured from the last kept point, not the previous one', [[0, 0], [1.5, 0], [3, 0], [4.5, 0]], [[0, 0], [4.5, 0]]]
	])('%s', (_, points, expected) => {
		expect(dropNearPoints(points, 2)).toEqual(expected);
	});

	it('keeps pressure with each point and thins a dense stroke', () => {
		const dense: PenPoint[] = Array.from({ length: 1000 }, (_, i) => [i / 10, 0, i / 1000]);
		const thin = dropNearPoints(dense, 2);
		expect(thin.length).toBeLessThan(60);
		expect(thin[0]).toEqual([0, 0, 0]);
		expect(thin.at(-1)).toEqual([99.9, 0, 0.999]);
	});
});

describe('isNear', () => {
	it.each([
		[[0, 0], [3, 4], 5, false],
		[[0, 0], [3, 4], 5.01, true],
		[[10, 10, 0.5], [10, 11, 0.9], 2, true]
	])('%j to %j within %d → %s', (a, b, tolerance, expected) => {
		expect(isNear(a, b, tolerance)).toBe(expected);
	});
});

const extent = (outline: Outline) => {
	const xs = outline.map(([x]) => x);
	const ys = outline.map(([, y]) => y);
	return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
};

describe('strokeOutline', () => {
	const straight: PenPoint[] = Array.from({ length: 21 }, (_, i) => [i * 5, 0, 0.5]);

	it('surrounds the stroke, about as thick as the width', () => {
		const box = extent(strokeOutline(straight, 8));
		expect(box.minX).toBeGreaterThanOrEqual(-8);
		expect(box.maxX).toBeLessThanOrEqual(108);
		expect(box.maxX - box.minX).toBeGreaterThan(90);
		expect(box.maxY - box.minY).toBeGreaterThan(2);
		expect(box.maxY - box.minY).toBeLessThanOrEqual(8);
	});

	it('grows with the width', () => {
		const thickness = (width: number) => {
			const box = extent(strokeOutline(straight, width));
			return box.maxY - box.minY;
		};
		expect(thickness(16)).toBeGreaterThan(thickness(4) * 2);
	});

	it.each([
		['constant pressure (a mouse) simulates it', straight, true],
		['varying pressure (a pen) uses it', straight.map(([x, y], i): PenPoint => [x, y, 0.2 + i / 40]), false]
	])('by default, %s', (_, points, simulated) => {
		expect(strokeOutline(points, 8)).toEqual(strokeOutline(points, 8, { simulatePressure: simulated }));
		expect(strokeOutline(points, 8)).not.toEqual(strokeOutline(points, 8, { simulatePressure: !simulated }));
	});

	it('penOutline draws a stroke at its origin', () => {
		const box = extent(penOutline(pen('p', 1000, 500, straight, { width: 4 })));
		expect(box.minX).toBeGreaterThan(990);
		expect(box.minY).toBeGreaterThan(490);
	});
});

describe('outlineToSvgPath', () => {
	it.each<[string, Outline, string]>([
		['nothing for no points', [], ''],
		['a polygon for fewer than four points', [[0, 0], [1, 0], [1, 1]], 'M0,0 L1,0 L1,1 Z'],
		['quadratic curves through midpoints', [[0, 0], [10, 0], [10, 10], [0, 10], [0, 5]], 'M0,0 Q10,0 10,5 T5,10 0,7.5 Z'],
		['numbers rounded to two decimals', [[1 / 3, 2 / 3], [1, 0], [1, 1]], 'M0.33,0.67 L1,0 L1,1 Z']
	])('%s', (_, outline, d) => {
		expect(outlineToSvgPath(outline)).toBe(d);
	});
});
