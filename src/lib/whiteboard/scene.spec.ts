import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addShape, appendPoints, createBoard, deleteShapes, updateShape } from './board-doc';
import { readShapes } from './board-read';
import { pen, rect } from './fixtures';
import { BoardScene } from './scene';

const LOCAL = 'local';

describe('BoardScene', () => {
	it('starts with the stored shapes in z-order', () => {
		const doc = createBoard();
		addShape(doc, rect('top', [0, 0, 10, 10], { z: 2 }), LOCAL);
		addShape(doc, rect('bottom', [0, 0, 10, 10], { z: 1 }), LOCAL);
		const scene = new BoardScene(createBoard(Y.encodeStateAsUpdate(doc)));
		expect(scene.shapes.map((s) => s.id)).toEqual(['bottom', 'top']);
		expect(scene.size).toBe(2);
	});

	it('follows adds, edits, point appends and deletes, and matches a full read after each', () => {
		const doc = createBoard();
		const scene = new BoardScene(doc);
		const seen: string[][] = [];
		const stop = scene.watch((ids) => seen.push([...ids]));
		addShape(doc, pen('p', 0, 0, [[0, 0, 0.5]]), LOCAL);
		expect(scene.shapes).toEqual(readShapes(doc));
		const before = scene.get('p');
		appendPoints(doc, 'p', [[5, 5, 0.5]], LOCAL);
		expect(scene.get('p')).not.toBe(before);
		expect(scene.shapes).toEqual(readShapes(doc));
		addShape(doc, rect('r', [0, 0, 10, 10], { z: -1 }), LOCAL);
		updateShape(doc, 'r', { z: 5 }, LOCAL);
		expect(scene.shapes.map((s) => s.id)).toEqual(['p', 'r']);
		deleteShapes(doc, ['p'], LOCAL);
		expect(scene.shapes).toEqual(readShapes(doc));
		stop();
		addShape(doc, rect('late', [0, 0, 1, 1]), LOCAL);
		expect(scene.get('late')).toBeUndefined();
		expect(seen).toEqual([['p'], ['p'], ['r'], ['r'], ['p']]);
	});

	it('takes a whole board at once (a load) as a full read', () => {
		const source = createBoard();
		for (let i = 0; i < 100; i++) addShape(source, rect(`r${i}`, [i, 0, 10, 10], { z: i }), LOCAL);
		deleteShapes(source, ['r5'], LOCAL);
		const doc = createBoard();
		addShape(doc, rect('mine', [0, 0, 1, 1], { z: -1 }), LOCAL);
		const scene = new BoardScene(doc);
		scene.watch(() => undefined);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), 'remote');
		expect(scene.shapes).toEqual(readShapes(doc));
		expect(scene.size).toBe(100);
	});

	it('sees a remote peer’s changes with their origin', () => {
		const a = createBoard();
		const b = createBoard();
		const scene = new BoardScene(b);
		const origins: unknown[] = [];
		scene.watch((_, origin) => origins.push(origin));
		a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update, 'remote'));
		addShape(a, rect('r', [0, 0, 10, 10]), LOCAL);
		expect(scene.get('r')?.kind).toBe('rect');
		expect(origins).toEqual(['remote']);
	});
});
