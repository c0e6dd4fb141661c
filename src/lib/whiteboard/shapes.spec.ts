import { describe, expect, it } from 'vitest';
import { arrow, ellipse, line, note, pen, rect, text } from './fixtures';
import { absolutePoints, newShapeId, parseShape, SHAPE_LIMITS, type PenPoint } from './shapes';

const points = (count: number): PenPoint[] => Array.from({ length: count }, (_, i) => [i, 0, 0.5]);
const long = (length: number) => 'x'.repeat(length);
const MAX = SHAPE_LIMITS.maxCoordinate;

describe('parseShape accepts', () => {
	it.each([
		['a pen stroke', pen('p', 10, 10, [[0, 0, 0.5], [5, 5, 1]])],
		['a pen stroke at the point limit', pen('p', 0, 0, points(SHAPE_LIMITS.maxPoints))],
		['a pen point on the board edge', pen('p', MAX - 5, 0, [[5, 0, 0]])],
		['a line', line('l', [0, 0, 100, 50])],
		['an arrow at the coordinate limits', arrow('a', [-MAX, -MAX, MAX, MAX])],
		['a filled rectangle', rect('r', [0, 0, 10, 10], { filled: true })],
		['an ellipse of zero size', ellipse('e', [0, 0, 0, 0])],
		['a box ending on the board edge', rect('r', [MAX - 10, MAX - 10, 10, 10])],
		['a note at the text limit', note('n', [0, 0, 200, 200], long(SHAPE_LIMITS.maxTextLength))],
		['text with newlines and tabs', text('t', [0, 0, 200, 40], 'a\n\tb\r\nc')],
		['every palette colour and width', rect('r', [0, 0, 1, 1], { color: 'violet', width: 16 })]
	])('%s', (_, shape) => {
		expect(parseShape(shape)).toEqual(shape);
	});
});

describe('parseShape refuses', () => {
	const ok = rect('r', [0, 0, 10, 10]);
	it.each([
		['null', null],
		['a string', 'rect'],
		['an array', [ok]],
		['an unknown kind', { ...ok, kind: 'star' }],
		['a missing field', { ...ok, filled: undefined }],
		['an unknown field', { ...ok, onclick: 'x' }],
		['a field of another kind', { ...ok, text: 'hi' }],
		['a colour outside the palette', { ...ok, color: '#ff0000' }],
		['a width outside the set', { ...ok, width: 3 }],
		['a NaN coordinate', { ...ok, x: Number.NaN }],
		['an infinite coordinate', { ...ok, y: Number.POSITIVE_INFINITY }],
		['a coordinate past the limit', line('l', [0, 0, MAX + 1, 0])],
		['a box running off the board', rect('r', [MAX - 5, 0, 10, 10])],
		['a negative size', rect('r', [0, 0, -10, 10])],
		['a pen stroke without points', pen('p', 0, 0, [])],
		['a pen stroke past the point limit', pen('p', 0, 0, points(SHAPE_LIMITS.maxPoints + 1))],
		['a pressure above 1', pen('p', 0, 0, [[0, 0, 1.5]])],
		['a pen point of two numbers', { ...pen('p', 0, 0, []), points: [[0, 0]] }],
		['a pen point off the board', pen('p', MAX - 5, 0, [[6, 0, 0.5]])],
		['text past the limit', note('n', [0, 0, 10, 10], long(SHAPE_LIMITS.maxTextLength + 1))],
		['text with a NUL character', note('n', [0, 0, 10, 10], 'a\u0000b')],
		['text with an escape character', text('t', [0, 0, 10, 10], '\u001b[31m')],
		['an id with a space', rect('a b', [0, 0, 1, 1])],
		['an id of 65 characters', rect(long(65), [0, 0, 1, 1])],
		['an empty author', rect('r', [0, 0, 1, 1], { author: '' })],
		['a fractional createdAt', rect('r', [0, 0, 1, 1], { createdAt: 1.5 })],
		['a z-order key past the limit', rect('r', [0, 0, 1, 1], { z: 1e16 })]
	])('%s', (_, value) => {
		expect(parseShape(value)).toBeNull();
	});
});

describe('absolutePoints', () => {
	it('adds the stroke origin to each point and keeps pressure', () => {
		expect(absolutePoints(pen('p', 100, 50, [[0, 0, 0.2], [3, -4, 0.9]]))).toEqual([
			[100, 50, 0.2],
			[103, 46, 0.9]
		]);
	});
});

describe('newShapeId', () => {
	it('makes ids parseShape accepts, different each time', () => {
		const ids = Array.from({ length: 50 }, newShapeId);
		expect(new Set(ids).size).toBe(50);
		for (const id of ids) expect(parseShape(rect(id, [0, 0, 1, 1]))?.id).toBe(id);
	});
});
