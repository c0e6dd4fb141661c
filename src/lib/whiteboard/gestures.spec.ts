import { describe, expect, it } from 'vitest';
import { line, rect } from './fixtures';
import {
	draggedShapes,
	dragBox,
	drawnSoFar,
	grabHandle,
	handleAt,
	handlePoint,
	hitTolerance,
	isClick,
	pointsAlong,
	pressStarts,
	pressureOf,
	selectionBox,
	shapesHitAlong,
	strokePoints,
	type Gesture,
	type PointerInput
} from './gestures';

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

describe('pressStarts', () => {
	it.each([
		['left button, drawing', 0, false, true, 'tool'],
		['left button, panning', 0, true, true, 'pan'],
		['middle button', 1, false, true, 'pan'],
		['middle button, viewer', 1, false, false, 'pan'],
		['left button, viewer panning', 0, true, false, null],
		['left button, viewer', 0, false, false, null],
		['right button', 2, false, true, null],
		['right button, panning', 2, true, true, 'pan']
	])('%s → %s', (_, button, panning, canDraw, starts) => {
		expect(pressStarts(button, panning, canDraw)).toBe(starts);
	});
});

describe('isClick', () => {
	it.each([
		[{ x: 0, y: 0 }, true],
		[{ x: 2, y: 2 }, true],
		[{ x: 3, y: 0 }, false],
		[{ x: -2, y: 3 }, false]
	])('a drag to %o is a click: %s', (b, click) => {
		expect(isClick({ x: 0, y: 0 }, b)).toBe(click);
	});
});

describe('hitTolerance', () => {
	it.each([
		[1, 6],
		[2, 3],
		[0.5, 12]
	])('at zoom %d is %d board units', (zoom, tolerance) => {
		expect(hitTolerance({ x: 0, y: 0, zoom })).toBe(tolerance);
	});
});

describe('pressureOf', () => {
	it.each([
		['a pen', 'pen', 0.8, 0.8],
		['a pen pressing past 1', 'pen', 1.5, 1],
		['a pen reporting none', 'pen', 0, 0.5],
		['a mouse', 'mouse', 0, 0.5],
		['a finger', 'touch', 0.9, 0.5]
	])('%s → %d', (_, type, pressure, expected) => {
		expect(pressureOf({ type, pressure })).toBe(expected);
	});
});

describe('drawnSoFar', () => {
	const start = { x: 0, y: 0 };
	it.each<[string, Gesture | null, string | null]>([
		['a stroke', { kind: 'pen', id: 's1', last: start }, 's1'],
		['a shape drawn', { kind: 'draw', draws: 'rect', start, startScreen: start, id: 'r1' }, 'r1'],
		['a shape not drawn yet', { kind: 'draw', draws: 'rect', start, startScreen: start, id: null }, null],
		['a pan', { kind: 'pan', last: start }, null],
		['no gesture', null, null]
	])('%s → %s', (_, gesture, id) => {
		expect(drawnSoFar(gesture)).toBe(id);
	});
});

describe('shapesHitAlong', () => {
	const shapes = [rect('a', [0, 0, 10, 10]), rect('b', [100, 0, 10, 10])];
	it.each([
		['nothing', [{ x: 50, y: 50 }], []],
		['one shape', [{ x: 0, y: 5 }], ['a']],
		['one shape twice', [{ x: 0, y: 5 }, { x: 10, y: 5 }], ['a']],
		['both', [{ x: 0, y: 5 }, { x: 50, y: 5 }, { x: 100, y: 5 }], ['a', 'b']],
		['within the tolerance', [{ x: -3, y: 5 }], ['a']]
	])('%s', (_, points, ids) => {
		expect([...shapesHitAlong(shapes, points, 2)]).toEqual(ids);
	});
});

describe('strokePoints', () => {
	const sample = (x: number, y: number, extra: Partial<PointerInput> = {}): PointerInput => ({
		id: 1,
		x,
		y,
		type: 'mouse',
		pressure: 0,
		button: 0,
		shift: false,
		...extra
	});

	it.each([
		['maps samples to board points', { x: 0, y: 0, zoom: 1 }, [sample(10, 0), sample(20, 5)], [[10, 0, 0.5], [20, 5, 0.5]], { x: 20, y: 5 }],
		['through the viewport', { x: 100, y: 50, zoom: 2 }, [sample(10, 10)], [[105, 55, 0.5]], { x: 105, y: 55 }],
		['skips a point within half a screen px', { x: 0, y: 0, zoom: 1 }, [sample(0.3, 0), sample(5, 0)], [[5, 0, 0.5]], { x: 5, y: 0 }],
		['keeps the last point when every sample is too near', { x: 0, y: 0, zoom: 1 }, [sample(0.2, 0.2)], [], { x: 0, y: 0 }],
		['measures nearness in screen px', { x: 0, y: 0, zoom: 4 }, [sample(1, 0)], [[0.25, 0, 0.5]], { x: 0.25, y: 0 }],
		['takes a pen’s pressure', { x: 0, y: 0, zoom: 1 }, [sample(3, 4, { type: 'pen', pressure: 0.7 })], [[3, 4, 0.7]], { x: 3, y: 4 }]
	])('%s', (_, viewport, samples, points, last) => {
		expect(strokePoints(viewport, { x: 0, y: 0 }, samples)).toEqual({ points, last });
	});
});

describe('grabHandle', () => {
	const selected = [rect('a', [0, 0, 100, 50])];

	it.each([
		['a corner', selected, { x: 0, y: 0, zoom: 1 }, { x: 101, y: 52 }, 'se'],
		['an edge', selected, { x: 0, y: 0, zoom: 1 }, { x: 50, y: -6 }, 'n'],
		['a corner at zoom 2, in screen px', selected, { x: 0, y: 0, zoom: 2 }, { x: 200, y: 100 }, 'se'],
		['the middle', selected, { x: 0, y: 0, zoom: 1 }, { x: 50, y: 25 }, null],
		['beyond the grab radius', selected, { x: 0, y: 0, zoom: 1 }, { x: 108, y: 50 }, null],
		['nothing selected', [], { x: 0, y: 0, zoom: 1 }, { x: 0, y: 0 }, null]
	])('%s', (_, shapes, viewport, p, handle) => {
		const grabbed = grabHandle(shapes, viewport, p);
		expect(grabbed?.handle ?? null).toBe(handle);
		if (grabbed) expect(grabbed.box).toEqual({ x: 0, y: 0, w: 100, h: 50 });
	});
});

describe('draggedShapes', () => {
	const originals = [rect('a', [0, 0, 100, 100]), line('b', [0, 0, 50, 50])];
	const start = { x: 10, y: 10 };
	const box = { x: 0, y: 0, w: 100, h: 100 };

	it.each<[string, Gesture & { kind: 'move' | 'resize' }, { x: number; y: number }, boolean, object[]]>([
		['a move', { kind: 'move', start, originals }, { x: 30, y: 5 }, false, [{ x: 20, y: -5, w: 100, h: 100 }, { x1: 20, y1: -5, x2: 70, y2: 45 }]],
		['a resize by a corner', { kind: 'resize', handle: 'se', box, start, originals }, { x: 110, y: 60 }, false, [{ x: 0, y: 0, w: 200, h: 150 }, { x1: 0, y1: 0, x2: 100, y2: 75 }]],
		['a resize keeping the aspect', { kind: 'resize', handle: 'se', box, start, originals }, { x: 110, y: 60 }, true, [{ x: 0, y: 0, w: 200, h: 200 }, { x1: 0, y1: 0, x2: 100, y2: 100 }]],
		['a resize by an edge', { kind: 'resize', handle: 'w', box, start, originals }, { x: 60, y: 80 }, false, [{ x: 50, y: 0, w: 50, h: 100 }, { x1: 50, y1: 0, x2: 75, y2: 50 }]]
	])('%s', (_, gesture, at, keepAspect, expected) => {
		const shapes = draggedShapes(gesture, at, keepAspect);
		expect(shapes.map((s) => s.id)).toEqual(['a', 'b']);
		shapes.forEach((shape, i) => expect(shape).toMatchObject(expected[i]));
	});

	it('leaves the originals as they were', () => {
		draggedShapes({ kind: 'move', start, originals }, { x: 50, y: 50 }, false);
		expect(originals[0]).toMatchObject({ x: 0, y: 0 });
	});
});
