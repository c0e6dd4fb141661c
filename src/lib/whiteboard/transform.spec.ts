import { describe, expect, it } from 'vitest';
import { arrow, note, pen, rect } from './fixtures';
import type { Box } from './geometry';
import { resizeBox, scaleShape, translate, type Handle } from './transform';

const box = { x: 0, y: 0, w: 100, h: 50 };
const delta = { x: 10, y: 20 };

/** Box equality up to float rounding (1.1 × 50 is not exactly 55). */
function expectBox(actual: Box, [x, y, w, h]: [number, number, number, number]): void {
	expect([actual.x, actual.y, actual.w, actual.h].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([x, y, w, h]);
}

describe('resizeBox of 100×50 at the origin, dragged by (10, 20)', () => {
	it.each<[Handle, [number, number, number, number], [number, number, number, number]]>([
		// handle, free [x, y, w, h], keeping the 2:1 aspect [x, y, w, h]
		['n', [0, 20, 100, 30], [20, 20, 60, 30]],
		['s', [0, 0, 100, 70], [-20, 0, 140, 70]],
		['e', [0, 0, 110, 50], [0, -2.5, 110, 55]],
		['w', [10, 0, 90, 50], [10, 2.5, 90, 45]],
		['ne', [0, 20, 110, 30], [0, -5, 110, 55]],
		['nw', [10, 20, 90, 30], [10, 5, 90, 45]],
		['se', [0, 0, 110, 70], [0, 0, 140, 70]],
		['sw', [10, 0, 90, 70], [-40, 0, 140, 70]]
	])('%s', (handle, free, aspect) => {
		expectBox(resizeBox(box, handle, delta, false), free);
		expectBox(resizeBox(box, handle, delta, true), aspect);
	});

	it.each<[string, Handle, number, boolean, [number, number, number, number]]>([
		['flips when dragged past the opposite side', 'e', -150, false, [-50, 0, 50, 50]],
		['keeping the aspect, the larger scale wins: no flip while |sx| < sy', 'se', -150, true, [0, 0, 100, 50]],
		['keeping the aspect, flips through the anchor once |sx| > sy', 'se', -250, true, [-150, -75, 150, 75]]
	])('%s', (_, handle, dx, keepAspect, expected) => {
		expectBox(resizeBox(box, handle, { x: dx, y: 0 }, keepAspect), expected);
	});

	it('resizes a box with no height freely even when asked to keep the aspect', () => {
		expect(resizeBox({ x: 0, y: 0, w: 10, h: 0 }, 'se', { x: 5, y: 5 }, true)).toEqual({ x: 0, y: 0, w: 15, h: 5 });
	});
});

describe('translate', () => {
	it.each([
		['pen: only its origin', pen('s', 1, 2, [[0, 0, 0.5], [3, 3, 0.5]]), { x: 11, y: -3 }],
		['arrow: both ends', arrow('s', [0, 0, 5, 5]), { x1: 10, y1: -5, x2: 15, y2: 0 }],
		['note: its box', note('s', [1, 1, 5, 5], 'a'), { x: 11, y: -4, w: 5, h: 5 }]
	])('%s', (_, shape, moved) => {
		expect(translate(shape, 10, -5)).toEqual({ ...shape, ...moved });
	});
});

describe('scaleShape', () => {
	it.each([
		['rect', rect('s', [10, 10, 10, 10]), { x: 0, y: 0, w: 20, h: 20 }, { x: 100, y: 0, w: 40, h: 10 }, { x: 120, y: 5, w: 20, h: 5 }],
		[
			'pen: origin mapped, offsets scaled',
			pen('s', 10, 0, [[0, 0, 0.5], [10, 20, 0.7]]),
			{ x: 0, y: 0, w: 20, h: 20 },
			{ x: 0, y: 0, w: 40, h: 10 },
			{ x: 20, y: 0, points: [[0, 0, 0.5], [20, 10, 0.7]] }
		],
		['arrow', arrow('s', [0, 0, 10, 10]), { x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 5, w: 20, h: 30 }, { x1: 5, y1: 5, x2: 25, y2: 35 }],
		[
			'horizontal arrow in a box with no height: only moves vertically',
			arrow('s', [0, 0, 10, 0]),
			{ x: 0, y: 0, w: 10, h: 0 },
			{ x: 0, y: 7, w: 20, h: 3 },
			{ x1: 0, y1: 7, x2: 20, y2: 7 }
		]
	])('%s', (_, shape, from, to, changed) => {
		expect(scaleShape(shape, from, to)).toEqual({ ...shape, ...changed });
	});

	it('keeps stroke width', () => {
		const shape = rect('s', [0, 0, 10, 10], { width: 4 });
		expect(scaleShape(shape, { x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 0, w: 100, h: 100 }).width).toBe(4);
	});
});
