import { describe, expect, it } from 'vitest';
import { note, rect } from './fixtures';
import { boardToScreen, DEFAULT_VIEWPORT, fitToContent, MAX_ZOOM, MIN_ZOOM, panBy, screenToBoard, zoomAt, type Viewport } from './viewport';

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
