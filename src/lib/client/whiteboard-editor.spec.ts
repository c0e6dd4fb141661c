import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addShape, createBoard } from '../whiteboard/board-doc';
import { readShapes } from '../whiteboard/board-read';
import { rect } from '../whiteboard/fixtures';
import { BoardEditor, type BoardConnection, type PointerInput } from './whiteboard-editor.svelte';

function setup(canDraw = true) {
	const doc = createBoard();
	const flushes: number[] = [];
	const board: BoardConnection = { doc, origin: Symbol('me'), author: 'me', canDraw, flush: () => flushes.push(Date.now()) };
	const editor = new BoardEditor(board);
	const stop = editor.listen();
	editor.screen = { width: 800, height: 600 };
	return { doc, editor, flushes, stop };
}

const at = (x: number, y: number, extra: Partial<PointerInput> = {}): PointerInput => ({
	id: 1,
	x,
	y,
	type: 'mouse',
	pressure: 0.5,
	button: 0,
	shift: false,
	...extra
});

function drag(editor: BoardEditor, points: [number, number][], extra: Partial<PointerInput> = {}) {
	editor.down(at(...points[0], extra));
	for (const p of points.slice(1)) editor.move(at(...p, extra));
	editor.up(at(...points[points.length - 1], extra));
}

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
	key: k,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	shiftKey: false,
	...mods
});

describe('BoardEditor drawing', () => {
	it('draws a pen stroke through the pointer’s points, signed by its author, and flushes at the end', () => {
		const { doc, editor, flushes } = setup();
		drag(editor, [
			[10, 10],
			[20, 15],
			[30, 30]
		]);
		const [stroke] = readShapes(doc);
		expect(stroke).toMatchObject({ kind: 'pen', x: 10, y: 10, author: 'me', width: 4, color: 'black' });
		expect(stroke.kind === 'pen' && stroke.points.map(([x, y]) => [x, y])).toEqual([
			[0, 0],
			[10, 5],
			[20, 20]
		]);
		expect(flushes.length).toBeGreaterThan(0);
	});

	it.each([
		['rect', { x: 10, y: 20, w: 90, h: 40 }],
		['ellipse', { x: 10, y: 20, w: 90, h: 40 }],
		['line', { x1: 10, y1: 20, x2: 100, y2: 60 }],
		['arrow', { x1: 10, y1: 20, x2: 100, y2: 60 }]
	] as const)('draws a %s by dragging', (tool, geometry) => {
		const { doc, editor } = setup();
		editor.tool = tool;
		drag(editor, [
			[10, 20],
			[50, 40],
			[100, 60]
		]);
		expect(readShapes(doc)).toEqual([expect.objectContaining({ kind: tool, width: 2, ...geometry })]);
	});

	it('draws nothing for a click with a shape tool', () => {
		const { doc, editor } = setup();
		editor.tool = 'rect';
		drag(editor, [
			[10, 20],
			[11, 21]
		]);
		expect(readShapes(doc)).toEqual([]);
	});

	it('maps screen to board through the viewport', () => {
		const { doc, editor } = setup();
		editor.zoomBy(2, { x: 0, y: 0 });
		editor.tool = 'rect';
		drag(editor, [
			[100, 100],
			[200, 300]
		]);
		expect(readShapes(doc)[0]).toMatchObject({ x: 50, y: 50, w: 50, h: 100 });
	});

	it('creates a note where clicked and opens it for typing; an empty text box goes away when left', () => {
		const { doc, editor } = setup();
		editor.tool = 'note';
		drag(editor, [[300, 300]]);
		const note = readShapes(doc)[0];
		expect(note).toMatchObject({ kind: 'note', x: 200, y: 220, text: '' });
		expect(editor.editing).toBe(note.id);
		editor.setText(note.id, 'Agenda');
		editor.tool = 'text';
		expect(editor.editing).toBeNull();
		drag(editor, [[50, 500]]);
		const textId = editor.editing!;
		editor.setText(textId, 'one two three four five six seven eight nine ten eleven twelve thirteen');
		expect(readShapes(doc).find((s) => s.id === textId)).toMatchObject({ kind: 'text', h: 60 });
		editor.setText(textId, '  ');
		editor.finishEditing();
		expect(readShapes(doc).map((s) => (s.kind === 'note' ? s.text : s.kind))).toEqual(['Agenda']);
	});
});

describe('BoardEditor selecting', () => {
	function withShapes() {
		const ctx = setup();
		addShape(ctx.doc, rect('a', [0, 0, 100, 100], { z: 0 }), 'someone');
		addShape(ctx.doc, rect('b', [300, 0, 100, 100], { z: 1 }), 'someone');
		ctx.editor.tool = 'select';
		return ctx;
	}

	it('selects by click, adds with shift-click, and by rubber band', () => {
		const { editor } = withShapes();
		drag(editor, [[50, 0]]);
		expect(editor.selection).toEqual(['a']);
		drag(editor, [[350, 0]], { shift: true });
		expect(editor.selection).toEqual(['a', 'b']);
		drag(editor, [[600, 500]]);
		expect(editor.selection).toEqual([]);
		drag(editor, [
			[-10, -10],
			[450, 150]
		]);
		expect(editor.selection).toEqual(['a', 'b']);
		expect(editor.band).toBeNull();
	});

	it('moves the selection, resizes it by a handle, and deletes it with Delete', () => {
		const { doc, editor } = withShapes();
		drag(editor, [
			[0, 50],
			[10, 70]
		]);
		expect(readShapes(doc)[0]).toMatchObject({ id: 'a', x: 10, y: 20 });
		drag(editor, [
			[110, 120],
			[210, 220]
		]);
		expect(readShapes(doc)[0]).toMatchObject({ id: 'a', x: 10, y: 20, w: 200, h: 200 });
		expect(editor.keyDown(key('Delete'))).toBe(true);
		expect(readShapes(doc).map((s) => s.id)).toEqual(['b']);
	});

	it('recolours the selection', () => {
		const { doc, editor } = withShapes();
		drag(editor, [[350, 0]]);
		editor.setColor('red');
		expect(readShapes(doc).map((s) => s.color)).toEqual(['black', 'red']);
	});

	it('erases what the eraser sweeps over', () => {
		const { doc, editor } = withShapes();
		editor.tool = 'eraser';
		drag(editor, [
			[-50, 50],
			[500, 50]
		]);
		expect(readShapes(doc)).toEqual([]);
	});
});

describe('BoardEditor keys and undo', () => {
	it('undoes and redoes only its own edits, with Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y', () => {
		const { doc, editor } = setup();
		drag(editor, [
			[10, 10],
			[20, 20]
		]);
		addShape(doc, rect('theirs', [0, 0, 10, 10]), 'someone else');
		expect(editor.canUndo).toBe(true);
		expect(editor.keyDown(key('z', { ctrlKey: true }))).toBe(true);
		expect(readShapes(doc).map((s) => s.id)).toEqual(['theirs']);
		editor.keyDown(key('Z', { ctrlKey: true, shiftKey: true }));
		expect(readShapes(doc)).toHaveLength(2);
		editor.keyDown(key('z', { metaKey: true }));
		editor.keyDown(key('y', { ctrlKey: true }));
		expect(readShapes(doc)).toHaveLength(2);
	});

	it('keeps two quick strokes as two undo steps', () => {
		const { doc, editor } = setup();
		drag(editor, [
			[10, 10],
			[20, 20]
		]);
		drag(editor, [
			[50, 50],
			[60, 60]
		]);
		editor.undo();
		expect(readShapes(doc)).toHaveLength(1);
	});

	it('keeps a stroke drawn with a long pause as one undo step', async () => {
		const { doc, editor } = setup();
		drag(editor, [
			[10, 10],
			[20, 20]
		]);
		editor.down(at(50, 50));
		editor.move(at(60, 50));
		// Longer than Yjs's default capture timeout (which reads the real clock).
		await new Promise((resolve) => setTimeout(resolve, 600));
		editor.move(at(80, 50));
		editor.up(at(80, 50));
		editor.undo();
		expect(readShapes(doc)).toHaveLength(1);
		expect(readShapes(doc)[0]).toMatchObject({ x: 10, y: 10 });
	});

	it.each([
		['v', 'select'],
		['R', 'rect'],
		['e', 'eraser']
	])('key %s picks %s', (k, tool) => {
		const { editor } = setup();
		expect(editor.keyDown(key(k))).toBe(true);
		expect(editor.tool).toBe(tool);
	});

	it('leaves Ctrl+D, Ctrl+E and Alt combinations to the meeting and the browser', () => {
		const { editor } = setup();
		for (const k of [key('d', { ctrlKey: true }), key('e', { ctrlKey: true }), key('e', { altKey: true })]) expect(editor.keyDown(k)).toBe(false);
		expect(editor.tool).toBe('pen');
	});

	it('does nothing for a viewer: no drawing, no tools, no undo', () => {
		const { doc, editor } = setup(false);
		drag(editor, [
			[10, 10],
			[50, 50]
		]);
		expect(editor.keyDown(key('r'))).toBe(false);
		editor.undo();
		expect(readShapes(doc)).toEqual([]);
		expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(5);
	});
});

describe('BoardEditor view', () => {
	it('pans with the hand tool and with the middle button', () => {
		const { editor } = setup();
		editor.tool = 'hand';
		drag(editor, [
			[100, 100],
			[150, 80]
		]);
		expect(editor.viewport).toMatchObject({ x: -50, y: 20 });
		editor.tool = 'pen';
		drag(
			editor,
			[
				[0, 0],
				[50, 0]
			],
			{ button: 1 }
		);
		expect(editor.viewport).toMatchObject({ x: -100, y: 20 });
	});

	it('zooms with a pinch of two touches, about their middle', () => {
		const { editor, doc } = setup();
		editor.down(at(100, 100, { id: 1, type: 'touch' }));
		editor.down(at(200, 100, { id: 2, type: 'touch' }));
		editor.move(at(250, 100, { id: 2, type: 'touch' }));
		editor.move(at(50, 100, { id: 1, type: 'touch' }));
		expect(editor.viewport.zoom).toBeCloseTo(2);
		editor.up(at(50, 100, { id: 1, type: 'touch' }));
		editor.up(at(250, 100, { id: 2, type: 'touch' }));
		expect(readShapes(doc)).toEqual([]);
	});
});
