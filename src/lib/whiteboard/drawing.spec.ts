import { describe, expect, it } from 'vitest';
import { dragGeometry, isTextShape, newTextShape, textPatch, type ShapeBase } from './drawing';
import { line, note, rect, text } from './fixtures';
import { parseShape } from './shapes';

describe('isTextShape', () => {
	it.each([
		['a note', note('n', [0, 0, 10, 10], ''), true],
		['a text box', text('t', [0, 0, 10, 10], ''), true],
		['a rectangle', rect('r', [0, 0, 10, 10]), false],
		['a line', line('l', [0, 0, 10, 10]), false],
		['no shape', undefined, false]
	])('%s → %s', (_, shape, is) => {
		expect(isTextShape(shape)).toBe(is);
	});
});

describe('dragGeometry', () => {
	const start = { x: 10, y: 20 };

	it.each([
		['a line', 'line', { x: 40, y: 0 }, false, { x1: 10, y1: 20, x2: 40, y2: 0 }],
		['an arrow ignores Shift', 'arrow', { x: 40, y: 0 }, true, { x1: 10, y1: 20, x2: 40, y2: 0 }],
		['a rectangle', 'rect', { x: 40, y: 30 }, false, { x: 10, y: 20, w: 30, h: 10, filled: false }],
		['a rectangle dragged up-left', 'rect', { x: 0, y: 0 }, false, { x: 0, y: 0, w: 10, h: 20, filled: false }],
		['a square (Shift)', 'rect', { x: 40, y: 30 }, true, { x: 10, y: 20, w: 30, h: 30, filled: false }],
		['a circle (Shift), filled', 'ellipse', { x: 40, y: 30 }, true, { x: 10, y: 20, w: 30, h: 30, filled: true }]
	] as const)('%s', (_, draws, at, square, geometry) => {
		const filled = 'filled' in geometry && geometry.filled;
		expect(dragGeometry(draws, start, at, square, filled)).toEqual(geometry);
	});
});

describe('newTextShape', () => {
	const base: ShapeBase = { id: 'x', color: 'blue', width: 2, z: 3, author: 'ada', createdAt: 1 };

	it.each([
		['a note, centred on the click', 'note', 2, { kind: 'note', x: 200, y: 220, w: 200, h: 160 }],
		['a text box, one 16 px line high', 'text', 2, { kind: 'text', x: 300, y: 290, w: 320, h: 20 }],
		['a text box at the largest font', 'text', 16, { kind: 'text', x: 300, y: 275, w: 320, h: 50 }]
	] as const)('%s', (_, kind, width, box) => {
		const shape = newTextShape({ ...base, width }, kind, { x: 300, y: 300 });
		expect(shape).toEqual({ ...base, width, ...box, text: '' });
		expect(parseShape(shape)).toEqual(shape);
	});
});

describe('textPatch', () => {
	const long = 'one two three four five six seven eight nine ten eleven twelve thirteen';

	it.each([
		['a note keeps its size', note('n', [0, 0, 200, 160], ''), long, { text: long }],
		['a text box fits one line', text('t', [0, 0, 320, 99], ''), 'Agenda', { text: 'Agenda', h: 20 }],
		['a text box grows with its lines', text('t', [0, 0, 320, 20], ''), long, { text: long, h: 60 }],
		['an empty text box keeps one line', text('t', [0, 0, 320, 60], ''), '', { text: '', h: 20 }],
		['a larger font makes taller lines', text('t', [0, 0, 320, 20], '', { width: 16 }), 'a\nb', { text: 'a\nb', h: 100 }]
	])('%s', (_, shape, typed, patch) => {
		expect(textPatch(shape, typed)).toEqual(patch);
	});
});
