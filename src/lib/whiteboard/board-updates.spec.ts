import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShape, appendPoints, createBoard, deleteShapes, updateShape } from './board-doc';
import { readShapes, shapesMap } from './board-read';
import { applyChecked, BOARD_LIMITS, boardFrom, boardStats, compact, validateUpdate, type UpdateRefusal } from './board-updates';
import { note, pen, rect } from './fixtures';
import type { Shape } from './shapes';

const ORIGIN = 'client';

/** The stored board (one valid rect and one pen stroke) and a client doc in sync with it. */
function setup(): { current: Uint8Array; client: Y.Doc } {
	const server = createBoard();
	addShape(server, rect('r', [0, 0, 10, 10]), ORIGIN);
	addShape(server, pen('p', 0, 0, [[0, 0, 0.5]]), ORIGIN);
	const current = Y.encodeStateAsUpdate(server);
	return { current, client: createBoard(current) };
}

/** The update `edit` makes on the client. */
function updateFrom(client: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
	const before = Y.encodeStateVector(client);
	edit(client);
	return Y.encodeStateAsUpdate(client, before);
}

/** Writes a shape's fields straight into the doc, skipping addShape's checks, as a rogue client could. */
function rawAdd(doc: Y.Doc, key: string, fields: Record<string, unknown>): void {
	const map = new Y.Map<unknown>();
	for (const [field, value] of Object.entries(fields)) map.set(field, value);
	shapesMap(doc).set(key, map);
}

const field = (doc: Y.Doc, id: string) => shapesMap(doc).get(id) as Y.Map<unknown>;
const pushPoints = (doc: Y.Doc, values: number[]) => (field(doc, 'p').get('points') as Y.Array<number>).push(values);

describe('validateUpdate accepts', () => {
	it.each([
		['a new valid shape', (doc: Y.Doc) => addShape(doc, note('n', [0, 0, 100, 100], 'hi'), ORIGIN)],
		['a move', (doc: Y.Doc) => updateShape(doc, 'r', { x: 500 }, ORIGIN)],
		['appended pen points', (doc: Y.Doc) => appendPoints(doc, 'p', [[5, 5, 0.5]], ORIGIN)],
		['a deletion', (doc: Y.Doc) => deleteShapes(doc, ['r'], ORIGIN)]
	])('%s', (_, edit) => {
		const { current, client } = setup();
		expect(validateUpdate(current, updateFrom(client, edit))).toEqual({ ok: true });
	});

	it('a first update to an empty board', () => {
		const client = createBoard();
		const update = updateFrom(client, (doc) => addShape(doc, rect('r', [0, 0, 1, 1]), ORIGIN));
		expect(validateUpdate(new Uint8Array(), update)).toEqual({ ok: true });
	});
});

const valid = rect('bad', [0, 0, 10, 10]);

describe('validateUpdate refuses', () => {
	it.each<[string, (doc: Y.Doc) => void, UpdateRefusal, string?]>([
		['an added shape with an unknown colour', (doc) => rawAdd(doc, 'bad', { ...valid, color: 'hotpink' }), 'invalid-shape', 'bad'],
		['an added shape with an extra field', (doc) => rawAdd(doc, 'bad', { ...valid, script: 'alert(1)' }), 'invalid-shape', 'bad'],
		['an added shape stored under another id', (doc) => rawAdd(doc, 'other', valid), 'invalid-shape', 'other'],
		['a nested type where a value belongs', (doc) => rawAdd(doc, 'bad', { ...valid, color: new Y.Text('red') }), 'invalid-shape', 'bad'],
		['an existing shape turned invalid', (doc) => field(doc, 'r').set('w', -5), 'invalid-shape', 'r'],
		['a NaN appended to a stroke', (doc) => pushPoints(doc, [Number.NaN, 0, 0.5]), 'invalid-shape', 'p'],
		['a stroke broken out of triples', (doc) => pushPoints(doc, [1]), 'invalid-shape', 'p'],
		['content outside the shapes map', (doc) => doc.getMap('evil').set('x', 'y'), 'foreign-content']
	])('%s', (_, edit, reason, shapeId) => {
		const { current, client } = setup();
		const verdict = validateUpdate(current, updateFrom(client, edit));
		expect(verdict).toEqual(shapeId ? { ok: false, reason, shapeId } : { ok: false, reason });
	});

	it('list items pushed onto the shapes map', () => {
		const { current } = setup();
		const rogue = new Y.Doc();
		rogue.getArray('shapes').push(['x'.repeat(100)]);
		expect(validateUpdate(current, Y.encodeStateAsUpdate(rogue))).toEqual({ ok: false, reason: 'foreign-content' });
	});

	it('an update built on changes the server never stored', () => {
		const { current, client } = setup();
		updateFrom(client, (doc) => addShape(doc, rect('lost', [0, 0, 1, 1]), ORIGIN));
		const next = updateFrom(client, (doc) => updateShape(doc, 'lost', { x: 5 }, ORIGIN));
		expect(validateUpdate(current, next)).toEqual({ ok: false, reason: 'missing-dependencies' });
	});

	it('bytes that are not an update', () => {
		const { current } = setup();
		expect(validateUpdate(current, new Uint8Array([1, 2, 3, 250, 255, 255, 255]))).toEqual({ ok: false, reason: 'malformed' });
	});

	it.each<[string, Partial<typeof BOARD_LIMITS>, UpdateRefusal]>([
		['too many shapes', { maxShapes: 2 }, 'too-many-shapes'],
		['a board over the size limit', { maxBytes: 200 }, 'board-too-large'],
		['an update over the size limit', { maxUpdateBytes: 50 }, 'update-too-large']
	])('%s', (_, limits, reason) => {
		const { current, client } = setup();
		const update = updateFrom(client, (doc) => addShape(doc, note('n', [0, 0, 100, 100], 'x'.repeat(100)), ORIGIN));
		expect(validateUpdate(current, update, BOARD_LIMITS)).toEqual({ ok: true });
		expect(validateUpdate(current, update, { ...BOARD_LIMITS, ...limits })).toEqual({ ok: false, reason });
	});
});

describe('compact', () => {
	it('folds updates from two peers into one that rebuilds the same board', () => {
		const a = createBoard();
		const b = createBoard();
		const updates: Uint8Array[] = [];
		a.on('update', (u: Uint8Array) => updates.push(u));
		b.on('update', (u: Uint8Array) => updates.push(u));
		addShape(a, pen('p', 0, 0, [[0, 0, 0.5]]), ORIGIN);
		for (let i = 1; i < 20; i++) appendPoints(a, 'p', [[i, i, 0.5]], ORIGIN);
		addShape(b, rect('r', [0, 0, 5, 5], { z: 1 }), ORIGIN);
		updateShape(b, 'r', { x: 9 }, ORIGIN);
		addShape(b, rect('gone', [0, 0, 5, 5]), ORIGIN);
		deleteShapes(b, ['gone'], ORIGIN);

		const whole = createBoard();
		updates.forEach((u) => Y.applyUpdate(whole, u));
		const compacted = createBoard(compact(updates));
		expect(readShapes(compacted)).toEqual(readShapes(whole));
		expect(readShapes(compacted).map((s: Shape) => s.id)).toEqual(['p', 'r']);
		expect(Y.encodeStateVector(compacted)).toEqual(Y.encodeStateVector(whole));
		expect(compact(updates).byteLength).toBeLessThan(updates.reduce((sum, u) => sum + u.byteLength, 0));
	});
});

describe('compact drops deleted content', () => {
	it('an insert-and-delete loop leaves the stored board as small as the board it shows', () => {
		const client = createBoard();
		const updates: Uint8Array[] = [];
		client.on('update', (u: Uint8Array) => updates.push(u));
		addShape(client, rect('keep', [0, 0, 5, 5]), ORIGIN);
		const kept = compact(updates);
		for (let i = 0; i < 50; i++) {
			addShape(client, note(`n${i}`, [0, 0, 100, 100], 'x'.repeat(1500)), ORIGIN);
			deleteShapes(client, [`n${i}`], ORIGIN);
		}
		const raw = updates.reduce((sum, u) => sum + u.byteLength, 0);
		const compacted = compact(updates);
		expect(raw).toBeGreaterThan(75_000); // what storing the raw updates (or merging them) kept
		expect(Y.mergeUpdates(updates).byteLength).toBeGreaterThan(75_000);
		expect(compacted.byteLength).toBeLessThan(kept.byteLength + 2_000);
		expect(readShapes(createBoard(compacted)).map((s) => s.id)).toEqual(['keep']);
		// The client can go on editing against the compacted board.
		const next = updateFrom(client, (doc) => updateShape(doc, 'keep', { x: 7 }, ORIGIN));
		expect(validateUpdate(compacted, next)).toEqual({ ok: true });
	});
});

describe('applyChecked', () => {
	it('counts the shapes an update adds, not those it changes', () => {
		const { current, client } = setup();
		const doc = boardFrom([current]);
		const update = updateFrom(client, (d) => {
			addShape(d, note('a', [0, 0, 10, 10], 'a'), ORIGIN);
			addShape(d, note('b', [0, 0, 10, 10], 'b'), ORIGIN);
			updateShape(d, 'r', { x: 3 }, ORIGIN);
		});
		expect(applyChecked(doc, update)).toEqual({ ok: true, added: 2 });
	});

	it('refuses a participant past their share of shapes', () => {
		const { current, client } = setup();
		const update = updateFrom(client, (d) => addShape(d, note('a', [0, 0, 10, 10], 'a'), ORIGIN));
		const limits = { ...BOARD_LIMITS, maxShapesPerParticipant: 3 };
		expect(applyChecked(boardFrom([current]), update, limits, { shapesAdded: 2 })).toEqual({ ok: true, added: 1 });
		expect(applyChecked(boardFrom([current]), update, limits, { shapesAdded: 3 })).toEqual({ ok: false, reason: 'too-many-shapes-of-yours' });
	});
});

describe('boardStats', () => {
	it('counts shapes and measures the encoded board', () => {
		const doc = createBoard();
		const empty = boardStats(doc);
		addShape(doc, note('n', [0, 0, 10, 10], 'x'.repeat(500)), ORIGIN);
		const stats = boardStats(doc);
		expect(empty.shapes).toBe(0);
		expect(stats.shapes).toBe(1);
		expect(stats.bytes).toBe(Y.encodeStateAsUpdate(doc).byteLength);
		expect(stats.bytes).toBeGreaterThan(500);
	});
});
