import { describe, expect, it } from 'vitest';
import { note, rect } from './fixtures';
import {
	boardToScreen,
	boxToScreen,
	DEFAULT_VIEWPORT,
	fitToContent,
	MAX_ZOOM,
	MIN_ZOOM,
	panBy,
	pinchTo,
	screenToBoard,
	startPinch,
	wheelZoom,
	zoomAt,
	type Viewport
} from './viewport';

const viewports: Viewport[] = [DEFAULT_VIEWPORT, { x: -300, y: 120, zoom: 2.5 }, { x: 1e4, y: -1e4, zoom: 0.1 }];
const points = [{ x: 0, y: 0 }, { x: 640, y: 360 }, { x: -12.5, y: 7.25 }];

describe('screenToBoard and boardToScreen', () => {
	it.each(viewports)('are inverses at %o', (viewport) => {
		for (const p of points) {
			const back = boardToScreen(viewport, screenToBoard(viewport, p));
			expect(back.x).toBeCloseTo(p.x, 9);
			expect(back.y).toBeCloseTo(p.y, 9);
		}
	});

	it('maps the screen corner to the viewport origin and scales by zoom', () => {
		const viewport = { x: 100, y: 50, zoom: 2 };
		expect(screenToBoard(viewport, { x: 0, y: 0 })).toEqual({ x: 100, y: 50 });
		expect(screenToBoard(viewport, { x: 20, y: 10 })).toEqual({ x: 110, y: 55 });
	});
});

describe('zoomAt', () => {
	it.each([
		[1.1, 1.1],
		[0.5, 0.5],
		[100, MAX_ZOOM],
		[0.001, MIN_ZOOM]
	])('by %d gives zoom %d and keeps the board point under the cursor', (factor, zoom) => {
		const viewport = { x: 40, y: -20, zoom: 1 };
		const cursor = { x: 300, y: 200 };
		const next = zoomAt(viewport, factor, cursor);
		expect(next.zoom).toBeCloseTo(zoom, 9);
		const before = screenToBoard(viewport, cursor);
		const after = screenToBoard(next, cursor);
		expect(after.x).toBeCloseTo(before.x, 9);
		expect(after.y).toBeCloseTo(before.y, 9);
	});
});

describe('panBy', () => {
	it('moves the board with the pointer', () => {
		const viewport = { x: 0, y: 0, zoom: 2 };
		const grabbed = screenToBoard(viewport, { x: 100, y: 100 });
		expect(screenToBoard(panBy(viewport, { x: 30, y: -10 }), { x: 130, y: 90 })).toEqual(grabbed);
	});
});

describe('fitToContent', () => {
	const screen = { width: 1000, height: 600 };

	it('centres large content and shows all of it inside the padding', () => {
		const shapes = [note('a', [-2000, 0, 100, 100], ''), note('b', [1900, 900, 100, 100], '')];
		const viewport = fitToContent(shapes, screen, 50);
		const topLeft = boardToScreen(viewport, { x: -2000, y: 0 });
		const bottomRight = boardToScreen(viewport, { x: 2000, y: 1000 });
		expect(topLeft.x).toBeCloseTo(50, 9);
		expect(bottomRight.x).toBeCloseTo(950, 9);
		expect(topLeft.y + bottomRight.y).toBeCloseTo(600, 9);
	});

	it('does not zoom in past 100% on small content, and centres it', () => {
		const viewport = fitToContent([note('a', [0, 0, 10, 10], '')], screen);
		expect(viewport.zoom).toBe(1);
		expect(boardToScreen(viewport, { x: 5, y: 5 })).toEqual({ x: 500, y: 300 });
	});

	it('never zooms out past the minimum', () => {
		expect(fitToContent([rect('a', [-1e5, -1e5, 2e5, 2e5])], screen).zoom).toBe(MIN_ZOOM);
	});

	it('returns the default viewport for an empty board', () => {
		expect(fitToContent([], screen)).toEqual(DEFAULT_VIEWPORT);
	});
});

describe('boxToScreen', () => {
	it.each([
		['at 100%', DEFAULT_VIEWPORT, { x: 10, y: 20, w: 30, h: 40 }],
		['zoomed and panned', { x: 100, y: 50, zoom: 2 }, { x: -180, y: -60, w: 60, h: 80 }],
		['zoomed out', { x: 0, y: 0, zoom: 0.5 }, { x: 5, y: 10, w: 15, h: 20 }]
	])('%s', (_, viewport, box) => {
		expect(boxToScreen(viewport, { x: 10, y: 20, w: 30, h: 40 })).toEqual(box);
	});
});

describe('wheelZoom', () => {
	it.each([
		['no turn', 0, false, false, 1],
		['100 px down zooms out', 100, false, false, Math.exp(-0.15)],
		['100 px up zooms in', -100, false, false, Math.exp(0.15)],
		['3 lines count 16 px each', 3, true, false, Math.exp(-48 * 0.0015)],
		['a trackpad pinch (Ctrl) zooms faster', 10, false, true, Math.exp(-0.1)],
		['a big turn counts as 200 px', 5000, false, false, Math.exp(-0.3)],
		['a big turn up counts as 200 px', -5000, false, true, Math.exp(2)]
	])('%s', (_, deltaY, lines, ctrl, factor) => {
		expect(wheelZoom(deltaY, lines, ctrl)).toBeCloseTo(factor, 12);
	});
});

describe('pinch', () => {
	const viewport = { x: 0, y: 0, zoom: 1 };
	const pinch = startPinch({ x: 100, y: 100 }, { x: 200, y: 100 }, viewport);

	it('starts from the fingers’ distance and middle, at least 1 px apart', () => {
		expect(pinch).toEqual({ distance: 100, middle: { x: 150, y: 100 }, viewport });
		expect(startPinch({ x: 5, y: 5 }, { x: 5, y: 5 }, viewport).distance).toBe(1);
	});

	it.each([
		['fingers where they started', { x: 100, y: 100 }, { x: 200, y: 100 }, viewport],
		['spread to twice the distance', { x: 50, y: 100 }, { x: 250, y: 100 }, { x: 75, y: 50, zoom: 2 }],
		['pinched to half', { x: 125, y: 100 }, { x: 175, y: 100 }, { x: -150, y: -100, zoom: 0.5 }],
		['moved together', { x: 130, y: 90 }, { x: 230, y: 90 }, { x: -30, y: 10, zoom: 1 }]
	])('%s', (_, a, b, expected) => {
		const next = pinchTo(pinch, a, b);
		expect(next.x).toBeCloseTo(expected.x, 9);
		expect(next.y).toBeCloseTo(expected.y, 9);
		expect(next.zoom).toBeCloseTo(expected.zoom, 9);
	});
});
