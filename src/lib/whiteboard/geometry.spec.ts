import { describe, expect, it } from 'vitest';
import { arrow, ellipse, line, note, pen, rect, text } from './fixtures';
import { hitTest, paintBox, shapeBox, shapesInRect, unionBox } from './geometry';

/** Bottom first; widths: pen 4, everything else 2. */
const scene = [
	pen('pen', 0, 0, [[0, 0, 0.5], [100, 0, 0.5]], { width: 4 }),
	line('line', [0, 100, 100, 100]),
	arrow('arrow', [0, 200, 100, 200]),
	rect('rect', [200, 0, 100, 100]),
	rect('filled', [200, 200, 100, 100], { filled: true }),
	ellipse('ellipse', [400, 0, 100, 50]),
	ellipse('filled-ellipse', [400, 200, 100, 50], { filled: true }),
	note('note', [600, 0, 100, 100], 'hi'),
	text('text', [600, 200, 100, 40], 'hi'),
	rect('under', [800, 0, 100, 100], { filled: true }),
	note('over', [850, 50, 100, 100], 'on top')
];

describe('hitTest with tolerance 3', () => {
	it.each([
		['pen: within tolerance + half width', 50, 5, 'pen'],
		['pen: just outside', 50, 5.1, null],
		['line: within tolerance + half width', 50, 104, 'line'],
		['line: just outside', 50, 104.1, null],
		['arrow: at its tip', 100, 200, 'arrow'],
		['arrow: past its tip', 106, 200, null],
		['rect outline: on the edge', 200, 50, 'rect'],
		['rect outline: outside within reach', 196, 50, 'rect'],
		['rect outline: outside out of reach', 195.9, 50, null],
		['rect outline: inside, away from the edge', 250, 50, null],
		['filled rect: inside', 250, 250, 'filled'],
		['ellipse outline: rightmost point', 500, 25, 'ellipse'],
		['ellipse outline: top within reach', 450, -4, 'ellipse'],
		['ellipse outline: top out of reach', 450, -5.1, null],
		['ellipse outline: centre', 450, 25, null],
		['ellipse outline: corner of its box', 400, 0, null],
		['filled ellipse: centre', 450, 225, 'filled-ellipse'],
		['note: inside', 650, 50, 'note'],
		['note: outside within tolerance', 703, 50, 'note'],
		['note: outside out of tolerance', 703.1, 50, null],
		['text: inside its box', 650, 220, 'text'],
		['overlap: the shape on top wins', 875, 75, 'over'],
		['overlap: the lower shape where alone', 820, 20, 'under'],
		['empty board area', 2000, 2000, null]
	])('%s', (_, x, y, expected) => {
		expect(hitTest(scene, { x, y }, 3)).toBe(expected);
	});

	it.each([
		[2, null],
		[3.9, null],
		[4, 'line']
	])('a point 5 from a width-2 line with tolerance %d → %s', (tolerance, expected) => {
		expect(hitTest([line('line', [0, 0, 100, 0])], { x: 50, y: 5 }, tolerance)).toBe(expected);
	});

	it('hits a one-point pen stroke (a dot)', () => {
		expect(hitTest([pen('dot', 10, 10, [[0, 0, 0.5]])], { x: 12, y: 12 }, 2)).toBe('dot');
	});
});

describe('shapesInRect', () => {
	const shapes = [rect('a', [0, 0, 10, 10]), pen('b', 20, 20, [[0, 0, 0.5], [10, 5, 0.5]]), note('c', [100, 100, 50, 50], '')];
	it.each([
		['covering two shapes', { x: -1, y: -1, w: 40, h: 40 }, ['a', 'b']],
		['dragged up and left', { x: 39, y: 39, w: -40, h: -40 }, ['a', 'b']],
		['touching exactly', { x: 0, y: 0, w: 10, h: 10 }, ['a']],
		['only partly over a shape', { x: 120, y: 120, w: 100, h: 100 }, []],
		['around everything', { x: -1000, y: -1000, w: 2000, h: 2000 }, ['a', 'b', 'c']]
	])('%s', (_, area, expected) => {
		expect(shapesInRect(shapes, area)).toEqual(expected);
	});
});

describe('boxes', () => {
	it.each([
		['pen', pen('s', 10, 10, [[0, 0, 0.5], [-5, 20, 0.5]], { width: 4 }), { x: 5, y: 10, w: 5, h: 20 }, { x: 3, y: 8, w: 9, h: 24 }],
		['line drawn right to left', line('s', [10, 5, 0, 0]), { x: 0, y: 0, w: 10, h: 5 }, { x: -1, y: -1, w: 12, h: 7 }],
		['rect', rect('s', [0, 0, 10, 10], { width: 8 }), { x: 0, y: 0, w: 10, h: 10 }, { x: -4, y: -4, w: 18, h: 18 }],
		['note', note('s', [0, 0, 10, 10], ''), { x: 0, y: 0, w: 10, h: 10 }, { x: 0, y: 0, w: 10, h: 10 }]
	])('%s: shapeBox ignores the stroke, paintBox includes it', (_, shape, box, paint) => {
		expect(shapeBox(shape)).toEqual(box);
		expect(paintBox(shape)).toEqual(paint);
	});

	it('an arrow’s paintBox includes its head', () => {
		const shape = arrow('s', [0, 0, 100, 0]);
		const paint = paintBox(shape);
		expect(paint.h).toBeGreaterThan(shapeBox(shape).h + shape.width + 5);
		expect(paint.x + paint.w).toBe(101);
	});

	it('unionBox covers all boxes, or is null for none', () => {
		expect(unionBox([])).toBeNull();
		expect(unionBox([{ x: 0, y: 0, w: 1, h: 1 }, { x: -5, y: 3, w: 2, h: 10 }])).toEqual({ x: -5, y: 0, w: 6, h: 13 });
	});
});
