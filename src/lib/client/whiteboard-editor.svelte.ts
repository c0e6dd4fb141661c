import type * as Y from 'yjs';
import { addShape, appendPoints, createUndo, deleteShapes, nextZ, updateShape } from '../whiteboard/board-doc';
import { hitTest, shapesInRect, type Box, type Point } from '../whiteboard/geometry';
import { dragGeometry, isTextShape, newTextShape, textPatch, type ShapeBase } from '../whiteboard/drawing';
import { draggedShapes, dragBox, drawnSoFar, grabHandle, hitTolerance, isClick, pointsAlong, pressStarts, pressureOf, strokePoints, shapesHitAlong, type Gesture, type PointerInput } from '../whiteboard/gestures';
import { BoardScene } from '../whiteboard/scene';
import { addCaught, keepExisting, pressSelect, restyleTargets, without } from '../whiteboard/selection';
import { newShapeId, type Color, type PenPoint, type Shape, type ShapePatch, type StrokeWidth } from '../whiteboard/shapes';
import { boardKeyAction, type KeyInput } from '../whiteboard/keys';
import { DEFAULT_COLOR, defaultWidths, widthSlot, type ToolId } from '../whiteboard/tools';
import { boardToScreen, boxToScreen, DEFAULT_VIEWPORT, fitToContent, panBy, pinchTo, screenToBoard, startPinch, wheelZoom, zoomAt, type ScreenSize, type Viewport } from '../whiteboard/viewport';

export { HANDLE_PX, type PointerInput } from '../whiteboard/gestures';

/** What the editor needs of the board's connection (WhiteboardSync in the app). */
export interface BoardConnection {
	readonly doc: Y.Doc;
	/** The origin of this browser's edits: undo tracks only these. */
	readonly origin: unknown;
	readonly author: string;
	readonly canDraw: boolean;
	/** A gesture ended: send now. */
	flush(): void;
}

/**
 * The board's editing state and gestures: tool, colour and width, selection, viewport, text
 * editing, undo. Pointer and key input comes in as plain values (the component wires DOM
 * events), every change goes to the doc with the connection's origin.
 */
export class BoardEditor {
	readonly scene: BoardScene;
	#tool = $state<ToolId>('pen');
	#color = $state<Color>(DEFAULT_COLOR);
	#widths = $state(defaultWidths());
	#filled = $state(false);
	#selection = $state.raw<string[]>([]);
	#viewport = $state.raw<Viewport>(DEFAULT_VIEWPORT);
	#screen = $state.raw<ScreenSize>({ width: 0, height: 0 });
	#editing = $state<string | null>(null);
	#band = $state.raw<Box | null>(null);
	#revision = $state(0);
	#canUndo = $state(false);
	#canRedo = $state(false);
	#spaceHeld = $state(false);
	#panning = $state(false);
	#gesture: Gesture | null = null;
	#pointers = new Map<number, Point>();
	#undo: Y.UndoManager;

	constructor(private readonly board: BoardConnection) {
		this.scene = new BoardScene(board.doc);
		// One undo step per user action, however slow: every action starts with stopCapturing(),
		// and nothing else splits it (a stroke drawn with pauses stays one step).
		this.#undo = createUndo(board.doc, board.origin, Infinity);
	}

	/** Follows the board's changes and the undo stack; returns the cleanup. */
	listen(): () => void {
		const stopScene = this.scene.watch(() => {
			this.#selection = keepExisting(this.#selection, (id) => this.scene.get(id) !== undefined);
			if (this.#editing && !this.scene.get(this.#editing)) this.#editing = null;
			this.#revision++;
		});
		const onStack = () => {
			this.#canUndo = this.#undo.canUndo();
			this.#canRedo = this.#undo.canRedo();
		};
		for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) this.#undo.on(event, onStack);
		return () => {
			stopScene();
			this.#undo.destroy();
		};
	}

	get tool() {
		return this.#tool;
	}
	set tool(tool: ToolId) {
		this.#tool = tool;
		if (tool !== 'select') this.#selection = [];
		this.finishEditing();
	}
	get color() {
		return this.#color;
	}
	get width(): StrokeWidth {
		return this.#widths[widthSlot(this.#tool)];
	}
	get filled() {
		return this.#filled;
	}
	get selection(): readonly string[] {
		return this.#selection;
	}
	get viewport() {
		return this.#viewport;
	}
	get screen() {
		return this.#screen;
	}
	set screen(size: ScreenSize) {
		this.#screen = size;
	}
	/** The note or text whose content is being typed. */
	get editing() {
		return this.#editing;
	}
	/** The rubber band being dragged, in board units. */
	get band() {
		return this.#band;
	}
	/** How many shapes the board holds (reactive). */
	get shapeCount(): number {
		void this.#revision;
		return this.scene.size;
	}
	/** Bumped on every change to the board's shapes. */
	get revision() {
		return this.#revision;
	}
	get canUndo() {
		return this.#canUndo && this.board.canDraw;
	}
	get canRedo() {
		return this.#canRedo && this.board.canDraw;
	}
	/** The board moves with the pointer (hand tool, space or middle button held). */
	get panning() {
		return this.#panning || this.#spaceHeld || this.#tool === 'hand';
	}
	get canDraw() {
		return this.board.canDraw;
	}
	get selectedShapes(): Shape[] {
		return this.#selection.flatMap((id) => this.scene.get(id) ?? []);
	}

	/** Sets the colour of new shapes, and of the selected ones. */
	setColor(color: Color): void {
		this.#color = color;
		this.#restyle({ color });
	}
	setWidth(width: StrokeWidth): void {
		this.#widths[widthSlot(this.#tool)] = width;
		this.#restyle({ width });
	}
	setFilled(filled: boolean): void {
		this.#filled = filled;
		this.#restyle({ filled });
	}

	#restyle(patch: ShapePatch) {
		const targets = restyleTargets(this.selectedShapes, patch);
		if (!this.board.canDraw || targets.length === 0) return;
		this.#undo.stopCapturing();
		this.#updateAll(targets.map((shape) => [shape.id, patch]));
		this.board.flush();
	}

	undo(): void {
		if (!this.board.canDraw) return;
		this.finishEditing();
		this.#undo.undo();
		this.board.flush();
	}
	redo(): void {
		if (!this.board.canDraw) return;
		this.#undo.redo();
		this.board.flush();
	}
	deleteSelection(): void {
		if (!this.board.canDraw || this.#selection.length === 0) return;
		this.#undo.stopCapturing();
		deleteShapes(this.board.doc, this.#selection, this.board.origin);
		this.#selection = [];
		this.board.flush();
	}

	zoomBy(factor: number, at: Point = { x: this.#screen.width / 2, y: this.#screen.height / 2 }): void {
		this.#viewport = zoomAt(this.#viewport, factor, at);
	}
	resetZoom(): void {
		this.zoomBy(1 / this.#viewport.zoom);
	}
	zoomToFit(): void {
		this.#viewport = fitToContent([...this.scene.shapes], this.#screen);
	}
	/** A wheel turn (or a trackpad pinch, which arrives as a wheel with Ctrl) zooms at the pointer. */
	wheel(at: Point, deltaY: number, lines: boolean, ctrl: boolean): void {
		this.zoomBy(wheelZoom(deltaY, lines, ctrl), at);
	}

	/** Handles a key press on the board; true when it did something (the caller prevents the default). */
	keyDown(e: KeyInput): boolean {
		const action = boardKeyAction(e, this.board.canDraw);
		switch (action?.kind) {
			case 'undo':
				this.undo();
				break;
			case 'redo':
				this.redo();
				break;
			case 'delete':
				this.deleteSelection();
				break;
			case 'cancel':
				this.#endGesture(false);
				this.#selection = [];
				break;
			case 'hold-to-pan':
				this.#spaceHeld = true;
				break;
			case 'tool':
				this.tool = action.tool;
				break;
		}
		return action !== null;
	}
	keyUp(e: Pick<KeyInput, 'key'>): void {
		if (e.key === ' ') this.#spaceHeld = false;
	}

	/** The board point under a screen point. */
	toBoard(p: Point): Point {
		return screenToBoard(this.#viewport, p);
	}
	toScreen(p: Point): Point {
		return boardToScreen(this.#viewport, p);
	}

	down(input: PointerInput): void {
		const screen = { x: input.x, y: input.y };
		this.#pointers.set(input.id, screen);
		if (this.#pointers.size === 2 && input.type === 'touch') return this.#startPinch();
		if (this.#pointers.size > 1) return;
		if (this.#gesture) this.#endGesture(true); // its pointer's "up" never came
		const at = this.toBoard(screen);
		const starts = pressStarts(input.button, this.panning, this.board.canDraw);
		if (starts === 'pan') {
			this.#gesture = { kind: 'pan', last: screen };
			this.#panning = true;
			return;
		}
		if (starts !== 'tool') return;
		this.#undo.stopCapturing();
		switch (this.#tool) {
			case 'pen': {
				const id = this.#addStroke(at, pressureOf(input));
				if (id) this.#gesture = { kind: 'pen', id, last: at };
				return;
			}
			case 'line':
			case 'arrow':
			case 'rect':
			case 'ellipse':
				this.#gesture = { kind: 'draw', draws: this.#tool, start: at, startScreen: screen, id: null };
				return;
			case 'note':
			case 'text':
				return this.#noteOrText(at, this.#tool);
			case 'eraser':
				this.#gesture = { kind: 'erase', last: at };
				return this.#erase([at]);
			case 'select':
				return this.#startSelect(at, screen, input.shift);
		}
	}

	/** `samples`: the pointer's coalesced positions since the last move, when the browser gives them. */
	move(input: PointerInput, samples: PointerInput[] = []): void {
		const screen = { x: input.x, y: input.y };
		if (this.#pointers.has(input.id)) this.#pointers.set(input.id, screen);
		const gesture = this.#gesture;
		if (!gesture) return;
		const at = this.toBoard(screen);
		switch (gesture.kind) {
			case 'pan':
				this.#viewport = panBy(this.#viewport, { x: screen.x - gesture.last.x, y: screen.y - gesture.last.y });
				gesture.last = screen;
				return;
			case 'pinch': {
				const [a, b] = [...this.#pointers.values()];
				if (b) this.#viewport = pinchTo(gesture, a, b);
				return;
			}
			case 'pen':
				return this.#extendStroke(gesture, samples.length ? samples : [input]);
			case 'draw':
				return this.#drawShape(gesture, at, screen, input.shift);
			case 'move':
			case 'resize':
				return this.#updateAll(draggedShapes(gesture, at, input.shift).map((shape) => [shape.id, shape]));
			case 'band':
				this.#band = dragBox(gesture.start, at, false);
				return;
			case 'erase':
				this.#erase(pointsAlong(gesture.last, at, hitTolerance(this.#viewport) / 2));
				gesture.last = at;
				return;
		}
	}

	up(input: PointerInput): void {
		this.#pointers.delete(input.id);
		if (this.#gesture?.kind === 'pinch') {
			if (this.#pointers.size < 2) this.#gesture = null;
			return;
		}
		if (this.#pointers.size === 0) this.#endGesture(true);
	}

	/** A double click on a note or text opens it for typing. */
	doubleClick(p: Point): void {
		const id = this.#hit(this.toBoard(p));
		if (!this.board.canDraw || !id || !isTextShape(this.scene.get(id))) return;
		this.#endGesture(false);
		this.#undo.stopCapturing();
		this.#startEditing(id);
	}

	/** Types into the note or text being edited; a text box grows to fit its lines. */
	setText(id: string, text: string): void {
		const shape = this.scene.get(id);
		if (!isTextShape(shape) || !this.board.canDraw) return;
		updateShape(this.board.doc, id, textPatch(shape, text), this.board.origin);
	}

	/** Stops typing; an empty text box goes away. */
	finishEditing(): void {
		const id = this.#editing;
		if (!id) return;
		this.#editing = null;
		const shape = this.scene.get(id);
		if (shape?.kind === 'text' && !shape.text.trim()) {
			deleteShapes(this.board.doc, [id], this.board.origin);
			this.#selection = without(this.#selection, id);
		}
		this.board.flush();
	}

	#startEditing(id: string) {
		this.finishEditing();
		this.#selection = [id];
		this.#editing = id;
	}

	#endGesture(commit: boolean) {
		const gesture = this.#gesture;
		this.#gesture = null;
		this.#panning = false;
		if (!gesture) return;
		if (gesture.kind === 'band') {
			const caught = commit && this.#band ? shapesInRect([...this.scene.shapes], this.#band) : [];
			this.#selection = addCaught(gesture.base, caught);
			this.#band = null;
		}
		if (gesture.kind !== 'pan' && gesture.kind !== 'pinch') this.board.flush();
	}

	#startPinch() {
		// The first finger may have started a stroke: it was the start of a pinch instead.
		const drawn = drawnSoFar(this.#gesture);
		if (drawn) deleteShapes(this.board.doc, [drawn], this.board.origin);
		this.#band = null;
		const [a, b] = [...this.#pointers.values()];
		this.#gesture = { kind: 'pinch', ...startPinch(a, b, this.#viewport) };
	}

	#base(): ShapeBase {
		return { id: newShapeId(), color: this.#color, width: this.width, z: nextZ(this.board.doc), author: this.board.author, createdAt: Date.now() };
	}

	#addStroke(at: Point, pressure: number): string | null {
		const shape = { ...this.#base(), kind: 'pen' as const, x: at.x, y: at.y, points: [[0, 0, pressure]] as PenPoint[] };
		return addShape(this.board.doc, shape, this.board.origin) ? shape.id : null;
	}

	#extendStroke(gesture: Gesture & { kind: 'pen' }, samples: PointerInput[]) {
		const { points, last } = strokePoints(this.#viewport, gesture.last, samples);
		if (points.length === 0) return;
		if (!appendPoints(this.board.doc, gesture.id, points, this.board.origin)) {
			// The stroke is full: carry on as a new one from here (unless this is off the board).
			const [x, y, pressure] = points[0];
			const id = this.#addStroke({ x, y }, pressure);
			if (!id) return this.#endGesture(true);
			gesture.id = id;
			appendPoints(this.board.doc, id, points.slice(1), this.board.origin);
		}
		gesture.last = last;
	}

	#drawShape(gesture: Gesture & { kind: 'draw' }, at: Point, screen: Point, shift: boolean) {
		if (!gesture.id && isClick(screen, gesture.startScreen)) return;
		const geometry = dragGeometry(gesture.draws, gesture.start, at, shift, this.#filled);
		if (gesture.id) {
			updateShape(this.board.doc, gesture.id, geometry, this.board.origin);
			return;
		}
		const shape = { ...this.#base(), kind: gesture.draws, ...geometry } as Shape;
		if (addShape(this.board.doc, shape, this.board.origin)) gesture.id = shape.id;
	}

	#noteOrText(at: Point, kind: 'note' | 'text') {
		const hit = this.#hit(at);
		if (hit && isTextShape(this.scene.get(hit))) return this.#startEditing(hit);
		const shape = newTextShape({ ...this.#base(), width: this.#widths.shape }, kind, at);
		if (addShape(this.board.doc, shape, this.board.origin)) this.#startEditing(shape.id);
	}

	#erase(points: Point[]) {
		const hits = shapesHitAlong([...this.scene.shapes], points, hitTolerance(this.#viewport));
		if (hits.size) deleteShapes(this.board.doc, hits, this.board.origin);
	}

	#startSelect(at: Point, screen: Point, shift: boolean) {
		const grabbed = grabHandle(this.selectedShapes, this.#viewport, screen);
		if (grabbed) {
			this.#gesture = { kind: 'resize', ...grabbed, start: at, originals: this.selectedShapes };
			return;
		}
		const press = pressSelect(this.#selection, this.#hit(at), shift);
		this.#selection = press.selection;
		if (press.drag === 'band') this.#gesture = { kind: 'band', start: at, base: [...press.selection] };
		if (press.drag === 'move') this.#gesture = { kind: 'move', start: at, originals: this.selectedShapes };
	}

	#hit(at: Point): string | null {
		return hitTest([...this.scene.shapes], at, hitTolerance(this.#viewport));
	}

	/** One transaction for many shapes: one message to the others, one undo step. */
	#updateAll(patches: [id: string, patch: ShapePatch][]) {
		const { doc, origin } = this.board;
		doc.transact(() => patches.forEach(([id, patch]) => updateShape(doc, id, patch, origin)), origin);
	}
}

/** A board box in screen px. */
export function screenBox(editor: Pick<BoardEditor, 'viewport'>, box: Box): Box {
	return boxToScreen(editor.viewport, box);
}
