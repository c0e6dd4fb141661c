import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addShape,
	appendPoints,
	bringToFront,
	clearBoard,
	createBoard,
	createUndo,
	deleteShapes,
	nextZ,
	sendToBack,
	updateShape
} from './board-doc';
import { readShape, readShapes, shapesMap } from './board-read';
import { arrow, ellipse, line, note, pen, rect, text } from './fixtures';
import { SHAPE_LIMITS, type PenPoint, type Shape } from './shapes';

const LOCAL = { user: 'ada' };
const REMOTE = { user: 'bob' };

/** Collects the updates `doc` emits. */
function recorder(doc: Y.Doc): Uint8Array[] {
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	return updates;
}

function peers(shapes: Shape[] = []): [Y.Doc, Y.Doc] {
	const a = createBoard();
	shapes.forEach((s) => addShape(a, s, LOCAL));
	return [a, createBoard(Y.encodeStateAsUpdate(a))];
}

const ids = (doc: Y.Doc) => readShapes(doc).map((s) => s.id);
const penPoints = (doc: Y.Doc, id: string) => {
	const shape = readShape(doc, id);
	return shape?.kind === 'pen' ? shape.points : null;
};
const stroke = (count: number, from = 0): PenPoint[] => Array.from({ length: count }, (_, i) => [from + i * 1.5, i % 7, 0.5]);

describe('addShape and readShapes', () => {
	it.each([
		pen('p', 10, 20, [[0, 0, 0.5], [2.5, -1.25, 0.25]]),
		line('l', [0, 0, 10, 10]),
		arrow('a', [5, 5, -5, -5], { color: 'red', width: 8 }),
		rect('r', [1, 2, 3, 4], { filled: true }),
		ellipse('e', [0, 0, 30, 20]),
		note('n', [0, 0, 200, 200], 'Ship <it> & "tell" them'),
		text('t', [0, 0, 100, 30], 'hello\nworld')
	])('stores and reads back a $kind', (shape) => {
		const doc = createBoard();
		expect(addShape(doc, shape, LOCAL)).toBe(true);
		expect(readShapes(doc)).toEqual([shape]);
		expect(readShapes(createBoard(Y.encodeStateAsUpdate(doc)))).toEqual([shape]);
	});

	it('rounds pen points to 1/8 unit and pressure to 1/64', () => {
		const doc = createBoard();
		addShape(doc, pen('p', 0, 0, [[0.07, 0.19, 0.3]]), LOCAL);
		expect(readShape(doc, 'p')).toMatchObject({ points: [[0.125, 0.25, 19 / 64]] });
	});

	it.each([
		['an invalid shape', rect('bad', [0, 0, -1, 1])],
		['a taken id', rect('r', [50, 50, 1, 1])]
	])('refuses %s and leaves the board unchanged', (_, shape) => {
		const doc = createBoard();
		addShape(doc, rect('r', [0, 0, 1, 1]), LOCAL);
		expect(addShape(doc, shape, LOCAL)).toBe(false);
		expect(readShapes(doc)).toEqual([rect('r', [0, 0, 1, 1])]);
	});

	it('orders by z, then by id when z ties', () => {
		const doc = createBoard();
		for (const [id, z] of [['c', 1], ['b', 0], ['d', 0], ['a', 2]] as const) addShape(doc, rect(id, [0, 0, 1, 1], { z }), LOCAL);
		expect(ids(doc)).toEqual(['b', 'd', 'c', 'a']);
	});

	it('skips an entry stored under a key other than its id', () => {
		const doc = createBoard();
		addShape(doc, rect('r', [0, 0, 1, 1]), LOCAL);
		const copy = new Y.Map<unknown>();
		for (const [key, value] of Object.entries(rect('r', [0, 0, 1, 1]))) copy.set(key, value);
		shapesMap(doc).set('other', copy);
		expect(ids(doc)).toEqual(['r']);
	});

	it('nextZ is 0 on an empty board, then one above the top', () => {
		const doc = createBoard();
		expect(nextZ(doc)).toBe(0);
		addShape(doc, rect('a', [0, 0, 1, 1], { z: 7 }), LOCAL);
		addShape(doc, rect('b', [0, 0, 1, 1], { z: -3 }), LOCAL);
		expect(nextZ(doc)).toBe(8);
	});
});

describe('two peers', () => {
	it('converge whatever order they receive concurrent edits in', () => {
		const [a, b] = peers([rect('r', [0, 0, 10, 10]), pen('p', 0, 0, [[0, 0, 0.5]]), note('n', [0, 0, 50, 50], 'x')]);
		const fromA = recorder(a);
		const fromB = recorder(b);
		updateShape(a, 'r', { x: 40 }, LOCAL);
		appendPoints(a, 'p', [[4, 4, 0.5]], LOCAL);
		addShape(a, line('l', [0, 0, 5, 5], { z: 1 }), LOCAL);
		updateShape(b, 'r', { color: 'blue' }, REMOTE);
		appendPoints(b, 'p', [[8, 8, 0.5]], REMOTE);
		deleteShapes(b, ['n'], REMOTE);
		addShape(b, ellipse('e', [0, 0, 5, 5], { z: 1 }), REMOTE);

		const [c, d] = [createBoard(Y.encodeStateAsUpdate(a)), createBoard(Y.encodeStateAsUpdate(b))];
		fromB.forEach((u) => Y.applyUpdate(c, u));
		[...fromA].reverse().forEach((u) => Y.applyUpdate(d, u));
		fromB.forEach((u) => Y.applyUpdate(a, u));
		fromA.forEach((u) => Y.applyUpdate(b, u));

		const expected = readShapes(a);
		for (const doc of [b, c, d]) expect(readShapes(doc)).toEqual(expected);
		expect(expected.map((s) => s.id)).toEqual(['p', 'r', 'e', 'l']);
		expect(readShape(a, 'r')).toMatchObject({ x: 40, color: 'blue' });
		expect(penPoints(a, 'p')).toHaveLength(3);
	});

	it('sends only the new points when a stroke grows', () => {
		const [a, b] = peers([pen('p', 0, 0, stroke(1000))]);
		const updates = recorder(a);
		expect(appendPoints(a, 'p', stroke(5, 2000), LOCAL)).toBe(true);
		expect(updates).toHaveLength(1);
		expect(updates[0].byteLength).toBeLessThan(Y.encodeStateAsUpdate(a).byteLength / 50);
		Y.applyUpdate(b, updates[0]);
		expect(penPoints(b, 'p')).toHaveLength(1005);
		expect(readShapes(b)).toEqual(readShapes(a));
	});
});

describe('appendPoints', () => {
	it('stores points relative to the stroke origin', () => {
		const doc = createBoard();
		addShape(doc, pen('p', 100, 200, [[0, 0, 0.5]]), LOCAL);
		appendPoints(doc, 'p', [[110, 190, 0.75]], LOCAL);
		expect(penPoints(doc, 'p')).toEqual([[0, 0, 0.5], [10, -10, 0.75]]);
	});

	it.each([
		['a shape that is not a pen', 'r', [[1, 1, 0.5]]],
		['a missing shape', 'nope', [[1, 1, 0.5]]],
		['a point off the board', 'p', [[SHAPE_LIMITS.maxCoordinate + 1, 0, 0.5]]],
		['a NaN point', 'p', [[Number.NaN, 0, 0.5]]],
		['a stroke past the point limit', 'p', stroke(SHAPE_LIMITS.maxPoints)]
	] as [string, string, PenPoint[]][])('refuses %s and appends nothing', (_, id, points) => {
		const doc = createBoard();
		addShape(doc, pen('p', 0, 0, [[0, 0, 0.5]]), LOCAL);
		addShape(doc, rect('r', [0, 0, 1, 1]), LOCAL);
		const before = readShapes(doc);
		expect(appendPoints(doc, id, points, LOCAL)).toBe(false);
		expect(readShapes(doc)).toEqual(before);
	});

	it('fills a stroke exactly to the point limit', () => {
		const doc = createBoard();
		addShape(doc, pen('p', 0, 0, [[0, 0, 0.5]]), LOCAL);
		expect(appendPoints(doc, 'p', stroke(SHAPE_LIMITS.maxPoints - 1, 1), LOCAL)).toBe(true);
		expect(penPoints(doc, 'p')).toHaveLength(SHAPE_LIMITS.maxPoints);
	});
});

describe('updateShape', () => {
	it('writes only the fields that changed: moving a stroke leaves its points alone', () => {
		const doc = createBoard();
		const shape = pen('p', 0, 0, stroke(500));
		addShape(doc, shape, LOCAL);
		const storedPoints = () => (shapesMap(doc).get('p') as Y.Map<unknown>).get('points');
		const points = storedPoints();
		const updates = recorder(doc);
		expect(updateShape(doc, 'p', { ...shape, x: 30, y: -4 }, LOCAL)).toBe(true);
		expect(storedPoints()).toBe(points);
		expect(updates[0].byteLength).toBeLessThan(100);
		expect(readShape(doc, 'p')).toEqual({ ...shape, x: 30, y: -4 });
	});

	it.each([
		['text', 'n', { text: 'new' }, { text: 'new' }],
		['colour and width', 'r', { color: 'green', width: 8 }, { color: 'green', width: 8 }],
		['size', 'r', { w: 99, h: 1 }, { w: 99, h: 1 }],
		['points', 'p', { points: [[1, 1, 1]] }, { points: [[1, 1, 1]] }],
		['nothing for immutable fields', 'r', { id: 'x', kind: 'ellipse', author: 'eve', createdAt: 5 }, {}]
	] as const)('changes %s', (_, id, patch, changed) => {
		const doc = createBoard();
		const shapes = [rect('r', [0, 0, 10, 10]), note('n', [0, 0, 10, 10], 'old'), pen('p', 0, 0, [[0, 0, 0.5]])];
		shapes.forEach((s) => addShape(doc, s, LOCAL));
		expect(updateShape(doc, id, patch as object, LOCAL)).toBe(true);
		expect(readShape(doc, id)).toEqual({ ...shapes.find((s) => s.id === id), ...changed });
	});

	it.each([
		['a field its kind lacks', 'r', { text: 'hi' }],
		['an invalid value', 'r', { color: 'pink' }],
		['a box off the board', 'r', { x: SHAPE_LIMITS.maxCoordinate }],
		['a missing shape', 'nope', { x: 1 }]
	])('refuses %s and changes nothing', (_, id, patch) => {
		const doc = createBoard();
		addShape(doc, rect('r', [0, 0, 10, 10]), LOCAL);
		const updates = recorder(doc);
		expect(updateShape(doc, id, patch as object, LOCAL)).toBe(false);
		expect(updates).toHaveLength(0);
	});

	it('emits no update when nothing differs', () => {
		const doc = createBoard();
		addShape(doc, rect('r', [0, 0, 10, 10]), LOCAL);
		const updates = recorder(doc);
		expect(updateShape(doc, 'r', { x: 0, w: 10 }, LOCAL)).toBe(true);
		expect(updates).toHaveLength(0);
	});
});

describe('deleting', () => {
	it('deleteShapes removes the existing ids and counts them', () => {
		const doc = createBoard();
		['a', 'b', 'c'].forEach((id) => addShape(doc, rect(id, [0, 0, 1, 1]), LOCAL));
		expect(deleteShapes(doc, ['a', 'c', 'zzz', 'a'], LOCAL)).toBe(2);
		expect(ids(doc)).toEqual(['b']);
	});

	it('clearBoard removes every shape, including other users\u2019', () => {
		const [a, b] = peers([rect('mine', [0, 0, 1, 1])]);
		addShape(b, rect('theirs', [0, 0, 1, 1]), REMOTE);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		clearBoard(a, LOCAL);
		expect(readShapes(a)).toEqual([]);
		expect(shapesMap(a).size).toBe(0);
	});
});

describe('restacking', () => {
	it.each([
		['bring one to front', bringToFront, ['b'], ['a', 'c', 'd', 'b']],
		['bring two to front, keeping their order', bringToFront, ['c', 'a'], ['b', 'd', 'a', 'c']],
		['send one to back', sendToBack, ['c'], ['c', 'a', 'b', 'd']],
		['send two to back, keeping their order', sendToBack, ['d', 'b'], ['b', 'd', 'a', 'c']],
		['ignore unknown ids', bringToFront, ['zzz'], ['a', 'b', 'c', 'd']]
	])('%s', (_, restack, moving, order) => {
		const doc = createBoard();
		['a', 'b', 'c', 'd'].forEach((id, z) => addShape(doc, rect(id, [0, 0, 1, 1], { z }), LOCAL));
		restack(doc, moving, LOCAL);
		expect(ids(doc)).toEqual(order);
	});

	it.each([
		['front', bringToFront, ['c', 'd']],
		['back', sendToBack, ['a', 'b']]
	])('writes nothing when the shapes are already at the %s', (_, restack, moving) => {
		const doc = createBoard();
		['a', 'b', 'c', 'd'].forEach((id, z) => addShape(doc, rect(id, [0, 0, 1, 1], { z }), LOCAL));
		const updates = recorder(doc);
		restack(doc, moving, LOCAL);
		expect(updates).toHaveLength(0);
	});
});

describe('createUndo', () => {
	it('undoes only the local origin’s edits, and redo restores them', () => {
		const [a, b] = peers([rect('shared', [0, 0, 10, 10])]);
		const undo = createUndo(a, LOCAL);
		addShape(a, rect('mine', [0, 0, 1, 1]), LOCAL);
		addShape(b, rect('theirs', [0, 0, 1, 1]), REMOTE);
		updateShape(b, 'shared', { color: 'red' }, REMOTE);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b), REMOTE);

		undo.undo();
		expect(ids(a).sort()).toEqual(['shared', 'theirs']);
		expect(readShape(a, 'shared')?.color).toBe('red');
		undo.redo();
		expect(ids(a).sort()).toEqual(['mine', 'shared', 'theirs']);
	});

	it('undoes a local move but keeps a remote recolour of the same shape', () => {
		const [a, b] = peers([rect('r', [0, 0, 10, 10])]);
		const undo = createUndo(a, LOCAL);
		updateShape(a, 'r', { x: 50 }, LOCAL);
		updateShape(b, 'r', { color: 'green' }, REMOTE);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b), REMOTE);
		undo.undo();
		expect(readShape(a, 'r')).toMatchObject({ x: 0, color: 'green' });
	});

	it('undoes a stroke drawn in quick appends as one step', () => {
		const doc = createBoard();
		const undo = createUndo(doc, LOCAL);
		addShape(doc, pen('p', 0, 0, [[0, 0, 0.5]]), LOCAL);
		for (let i = 1; i <= 5; i++) appendPoints(doc, 'p', [[i, i, 0.5]], LOCAL);
		undo.undo();
		expect(readShapes(doc)).toEqual([]);
	});

	it('keeps two strokes as two steps when stopCapturing marks the gesture start', () => {
		const doc = createBoard();
		const undo = createUndo(doc, LOCAL);
		addShape(doc, pen('one', 0, 0, [[0, 0, 0.5]]), LOCAL);
		undo.stopCapturing();
		addShape(doc, pen('two', 0, 0, [[0, 0, 0.5]]), LOCAL);
		undo.undo();
		expect(ids(doc)).toEqual(['one']);
	});

	it('brings back everything a local clearBoard removed', () => {
		const [a, b] = peers([rect('mine', [0, 0, 1, 1])]);
		addShape(b, rect('theirs', [0, 0, 1, 1], { z: 1 }), REMOTE);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b), REMOTE);
		const undo = createUndo(a, LOCAL);
		clearBoard(a, LOCAL);
		undo.undo();
		expect(ids(a)).toEqual(['mine', 'theirs']);
	});
});
