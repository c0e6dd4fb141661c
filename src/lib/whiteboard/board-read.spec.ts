import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShape, appendPoints, clearBoard, createBoard, deleteShapes, updateShape } from './board-doc';
import { watchShapes } from './board-read';
import { pen, rect } from './fixtures';

const LOCAL = 'local';

describe('watchShapes', () => {
	it.each([
		['an added shape', (doc: Y.Doc) => addShape(doc, rect('new', [0, 0, 1, 1]), LOCAL), ['new']],
		['a changed field', (doc: Y.Doc) => updateShape(doc, 'r', { x: 5 }, LOCAL), ['r']],
		['appended pen points', (doc: Y.Doc) => appendPoints(doc, 'p', [[1, 1, 0.5]], LOCAL), ['p']],
		['replaced pen points', (doc: Y.Doc) => updateShape(doc, 'p', { points: [[2, 2, 1]] }, LOCAL), ['p']],
		['deleted shapes', (doc: Y.Doc) => deleteShapes(doc, ['r', 'p'], LOCAL), ['r', 'p']],
		['a cleared board', (doc: Y.Doc) => clearBoard(doc, LOCAL), ['r', 'p']]
	])('reports the ids touched by %s, with the origin', (_, edit, expected) => {
		const doc = createBoard();
		addShape(doc, rect('r', [0, 0, 1, 1]), LOCAL);
		addShape(doc, pen('p', 0, 0, [[0, 0, 0.5]]), LOCAL);
		const calls: [string[], unknown][] = [];
		watchShapes(doc, (ids, origin) => calls.push([[...ids].sort(), origin]));
		edit(doc);
		expect(calls).toEqual([[[...expected].sort(), LOCAL]]);
	});

	it('reports remote updates with the origin they were applied with, and stops after cleanup', () => {
		const doc = createBoard();
		const remote = createBoard();
		const calls: string[][] = [];
		const stop = watchShapes(doc, (ids, origin) => calls.push([...ids, String(origin)]));
		addShape(remote, rect('r', [0, 0, 1, 1]), 'bob');
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'network');
		stop();
		addShape(doc, rect('later', [0, 0, 1, 1]), LOCAL);
		expect(calls).toEqual([['r', 'network']]);
	});
});
