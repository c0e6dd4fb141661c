import { describe, expect, it } from 'vitest';
import { line, rect } from './fixtures';
import { dragBox, handleAt, handlePoint, pointsAlong, selectionBox } from './gestures';

describe('dragBox', () => {
	it.each([
		['down-right', { x: 10, y: 20 }, { x: 40, y: 30 }, false, { x: 10, y: 20, w: 30, h: 10 }],
		['up-left', { x: 40, y: 30 }, { x: 10, y: 20 }, false, { x: 10, y: 20, w: 30, h: 10 }],
		['square, down-right', { x: 0, y: 0 }, { x: 30, y: 10 }, true, { x: 0, y: 0, w: 30, h: 30 }],
		['square, up-left', { x: 0, y: 0 }, { x: -10, y: -30 }, true, { x: -30, y: -30, w: 30, h: 30 }],
		['square, flat drag goes down', { x: 0, y: 0 }, { x: 20, y: 0 }, true, { x: 0, y: 0, w: 20, h: 20 }],
		['a click', { x: 5, y: 5 }, { x: 5, y: 5 }, false, { x: 5, y: 5, w: 0, h: 0 }]
	])('%s', (_, a, b, square, box) => {
		expect(dragBox(a, b, square)).toEqual(box);
	});
});

describe('handles', () => {
	const box = { x: 0, y: 0, w: 100, h: 50 };

	it.each([
		['nw', { x: 0, y: 0 }],
		['n', { x: 50, y: 0 }],
		['e', { x: 100, y: 25 }],
		['se', { x: 100, y: 50 }],
		['sw', { x: 0, y: 50 }],
		['w', { x: 0, y: 25 }]
	] as const)('%s sits at %o', (handle, point) => {
		expect(handlePoint(box, handle)).toEqual(point);
	});

	it.each([
		[{ x: 2, y: -3 }, 'nw'],
		[{ x: 53, y: 4 }, 'n'],
		[{ x: 97, y: 47 }, 'se'],
		[{ x: 50, y: 25 }, null],
		[{ x: 10, y: 0 }, null]
	])('at %o finds %s', (p, handle) => {
		expect(handleAt(box, p, 5)).toBe(handle);
	});

	it('prefers the corner on a box too small to tell them apart', () => {
		expect(handleAt({ x: 0, y: 0, w: 4, h: 4 }, { x: 1, y: 1 }, 5)).toBe('nw');
	});

	it('surrounds the geometric boxes of the selection', () => {
		expect(selectionBox([])).toBeNull();
		expect(selectionBox([rect('a', [0, 0, 10, 10]), line('b', [20, 30, 40, 5])])).toEqual({ x: 0, y: 0, w: 40, h: 30 });
	});
});

describe('pointsAlong', () => {
	it('covers the segment with points at most `step` apart, both ends included', () => {
		const points = pointsAlong({ x: 0, y: 0 }, { x: 10, y: 0 }, 3);
		expect(points[0]).toEqual({ x: 0, y: 0 });
		expect(points.at(-1)).toEqual({ x: 10, y: 0 });
		for (let i = 1; i < points.length; i++) expect(points[i].x - points[i - 1].x).toBeLessThanOrEqual(3);
	});

	it('gives both ends for a zero-length sweep', () => {
		expect(pointsAlong({ x: 1, y: 1 }, { x: 1, y: 1 }, 3)).toEqual([{ x: 1, y: 1 }, { x: 1, y: 1 }]);
	});
});
