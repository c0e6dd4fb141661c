import type * as Y from 'yjs';
import { addShape, appendPoints, createUndo, deleteShapes, nextZ, updateShape } from '../whiteboard/board-doc';
import { hitTest, shapesInRect, type Box, type Point } from '../whiteboard/geometry';
import { dragBox, handleAt, pointsAlong, selectionBox } from '../whiteboard/gestures';
import { isNear } from '../whiteboard/pen';
import { BoardScene } from '../whiteboard/scene';
import { fontSizeFor, newShapeId, type Color, type PenPoint, type Shape, type ShapePatch, type StrokeWidth, type TextShape } from '../whiteboard/shapes';
import { LINE_HEIGHT, layoutText } from '../whiteboard/text-layout';
import { boardKeyAction, type KeyInput } from '../whiteboard/keys';
import { DEFAULT_COLOR, defaultWidth, type ToolId } from '../whiteboard/tools';
import { resizeBox, scaleShape, translate, type Handle } from '../whiteboard/transform';
import { boardToScreen, DEFAULT_VIEWPORT, fitToContent, panBy, screenToBoard, zoomAt, type ScreenSize, type Viewport } from '../whiteboard/viewport';

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

/** One pointer event, in CSS px from the canvas's top-left corner. */
export interface PointerInput {
	id: number;
	x: number;
	y: number;
	type: string;
	/** 0–1; only a pen's is real. */
	pressure: number;
	button: number;
	shift: boolean;
}

type Gesture =
	| { kind: 'pan'; last: Point }
	| { kind: 'pinch'; distance: number; middle: Point; viewport: Viewport }
	| { kind: 'pen'; id: string; last: Point }
	| { kind: 'draw'; draws: 'line' | 'arrow' | 'rect' | 'ellipse'; start: Point; startScreen: Point; id: string | null }
	| { kind: 'move'; start: Point; originals: Shape[] }
	| { kind: 'resize'; handle: Handle; box: Box; start: Point; originals: Shape[] }
	| { kind: 'band'; start: Point; base: string[] }
	| { kind: 'erase'; last: Point };

/** Hit distance and handle size, in screen px. */
const HIT_PX = 6;
export const HANDLE_PX = 5;
/** A shape drag shorter than this is a click: it draws nothing. */
const CLICK_PX = 3;
const NOTE_SIZE = { w: 200, h: 160 };
const TEXT_WIDTH = 320;
/** A mouse or finger reports no real pressure: a constant lets perfect-freehand simulate it. */
const NO_PRESSURE = 0.5;

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const isTextShape = (shape: Shape | undefined): shape is TextShape => shape?.kind === 'note' || shape?.kind === 'text';

/**
 * The board's editing state and gestures: tool, colour and width, selection, viewport, text
 * editing, undo. Pointer and key input comes in as plain values (the component wires DOM
 * events), every change goes to the doc with the connection's origin.
 */
export class BoardEditor {
	readonly scene: BoardScene;
	#tool = $state<ToolId>('pen');
	#color = $state<Color>(DEFAULT_COLOR);
	#widths = $state<{ pen: StrokeWidth; shape: StrokeWidth }>({ pen: defaultWidth('pen'), shape: defaultWidth('rect') });
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
			if (this.#selection.some((id) => !this.scene.get(id))) this.#selection = this.#selection.filter((id) => this.scene.get(id));
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
		return this.#tool === 'pen' ? this.#widths.pen : this.#widths.shape;
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
		if (this.#tool === 'pen') this.#widths.pen = width;
		else this.#widths.shape = width;
		this.#restyle({ width });
	}
	setFilled(filled: boolean): void {
		this.#filled = filled;
		this.#restyle({ filled }, (s) => s.kind === 'rect' || s.kind === 'ellipse');
	}

	#restyle(patch: ShapePatch, applies: (shape: Shape) => boolean = () => true) {
		const targets = this.selectedShapes.filter(applies);
		if (!this.board.canDraw || targets.length === 0) return;
		this.#undo.stopCapturing();
		this.#transact(() => targets.forEach((shape) => updateShape(this.board.doc, shape.id, patch, this.board.origin)));
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
		const px = Math.max(-200, Math.min(200, lines ? deltaY * 16 : deltaY));
		this.zoomBy(Math.exp(-px * (ctrl ? 0.01 : 0.0015)), at);
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
		if (input.button === 1 || this.panning) {
			if (!this.board.canDraw && input.button !== 1) return;
			this.#gesture = { kind: 'pan', last: screen };
			this.#panning = true;
			return;
		}
		if (!this.board.canDraw || input.button !== 0) return;
		this.#undo.stopCapturing();
		switch (this.#tool) {
			case 'pen':
				return this.#startStroke(at, input);
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
			case 'pinch':
				return this.#pinch(gesture);
			case 'pen':
				return this.#extendStroke(gesture, samples.length ? samples : [input]);
			case 'draw':
				return this.#drawShape(gesture, at, screen, input.shift);
			case 'move': {
				const [dx, dy] = [at.x - gesture.start.x, at.y - gesture.start.y];
				this.#transact(() => gesture.originals.forEach((s) => updateShape(this.board.doc, s.id, translate(s, dx, dy), this.board.origin)));
				return;
			}
			case 'resize': {
				const box = resizeBox(gesture.box, gesture.handle, { x: at.x - gesture.start.x, y: at.y - gesture.start.y }, input.shift);
				this.#transact(() => gesture.originals.forEach((s) => updateShape(this.board.doc, s.id, scaleShape(s, gesture.box, box), this.board.origin)));
				return;
			}
			case 'band':
				this.#band = dragBox(gesture.start, at, false);
				return;
			case 'erase':
				this.#erase(pointsAlong(gesture.last, at, HIT_PX / 2 / this.#viewport.zoom));
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
		const patch: ShapePatch = { text };
		if (shape.kind === 'text') patch.h = textHeight({ ...shape, text });
		updateShape(this.board.doc, id, patch, this.board.origin);
	}

	/** Stops typing; an empty text box goes away. */
	finishEditing(): void {
		const id = this.#editing;
		if (!id) return;
		this.#editing = null;
		const shape = this.scene.get(id);
		if (shape?.kind === 'text' && !shape.text.trim()) {
			deleteShapes(this.board.doc, [id], this.board.origin);
			this.#selection = this.#selection.filter((s) => s !== id);
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
			const inside = commit && this.#band ? shapesInRect([...this.scene.shapes], this.#band) : [];
			this.#selection = [...new Set([...gesture.base, ...inside])];
			this.#band = null;
		}
		if (gesture.kind !== 'pan' && gesture.kind !== 'pinch') this.board.flush();
	}

	#startPinch() {
		// The first finger may have started a stroke: it was the start of a pinch instead.
		const gesture = this.#gesture;
		if (gesture?.kind === 'pen' || (gesture?.kind === 'draw' && gesture.id)) deleteShapes(this.board.doc, [gesture.id!], this.board.origin);
		this.#gesture = null;
		this.#band = null;
		const [a, b] = [...this.#pointers.values()];
		this.#gesture = { kind: 'pinch', distance: Math.max(1, distance(a, b)), middle: midpoint(a, b), viewport: this.#viewport };
	}

	#pinch(gesture: Gesture & { kind: 'pinch' }) {
		const [a, b] = [...this.#pointers.values()];
		if (!b) return;
		const middle = midpoint(a, b);
		const zoomed = zoomAt(gesture.viewport, distance(a, b) / gesture.distance, gesture.middle);
		this.#viewport = panBy(zoomed, { x: middle.x - gesture.middle.x, y: middle.y - gesture.middle.y });
	}

	#base() {
		return { id: newShapeId(), color: this.#color, width: this.width, z: nextZ(this.board.doc), author: this.board.author, createdAt: Date.now() };
	}

	#startStroke(at: Point, input: PointerInput) {
		const id = this.#addStroke(at, pressureOf(input));
		if (id) this.#gesture = { kind: 'pen', id, last: at };
	}

	#addStroke(at: Point, pressure: number): string | null {
		const shape = { ...this.#base(), kind: 'pen' as const, x: at.x, y: at.y, points: [[0, 0, pressure]] as PenPoint[] };
		return addShape(this.board.doc, shape, this.board.origin) ? shape.id : null;
	}

	#extendStroke(gesture: Gesture & { kind: 'pen' }, samples: PointerInput[]) {
		const points: PenPoint[] = [];
		let last = gesture.last;
		for (const sample of samples) {
			const at = this.toBoard({ x: sample.x, y: sample.y });
			// Closer than half a screen pixel adds nothing visible, only bytes.
			if (isNear([last.x, last.y], [at.x, at.y], 0.5 / this.#viewport.zoom)) continue;
			points.push([at.x, at.y, pressureOf(sample)]);
			last = at;
		}
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
		if (!gesture.id && distance(screen, gesture.startScreen) < CLICK_PX) return;
		const { start } = gesture;
		const geometry =
			gesture.draws === 'line' || gesture.draws === 'arrow'
				? { x1: start.x, y1: start.y, x2: at.x, y2: at.y }
				: { ...dragBox(start, at, shift), filled: this.#filled };
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
		const line = fontSizeFor(this.#widths.shape) * LINE_HEIGHT;
		const box =
			kind === 'note'
				? { x: at.x - NOTE_SIZE.w / 2, y: at.y - NOTE_SIZE.h / 2, ...NOTE_SIZE }
				: { x: at.x, y: at.y - line / 2, w: TEXT_WIDTH, h: line };
		const shape = { ...this.#base(), width: this.#widths.shape, kind, ...box, text: '' } as Shape;
		if (addShape(this.board.doc, shape, this.board.origin)) this.#startEditing(shape.id);
	}

	#erase(points: Point[]) {
		const shapes = [...this.scene.shapes];
		const hits = new Set<string>();
		for (const p of points) {
			const id = hitTest(shapes, p, HIT_PX / this.#viewport.zoom);
			if (id) hits.add(id);
		}
		if (hits.size) deleteShapes(this.board.doc, hits, this.board.origin);
	}

	#startSelect(at: Point, screen: Point, shift: boolean) {
		const box = selectionBox(this.selectedShapes);
		const handle = box && this.#selection.length ? handleAt(screenBox(this, box), screen, HANDLE_PX + 2) : null;
		if (box && handle) {
			this.#gesture = { kind: 'resize', handle, box, start: at, originals: this.selectedShapes };
			return;
		}
		const hit = this.#hit(at);
		if (!hit) {
			this.#gesture = { kind: 'band', start: at, base: shift ? [...this.#selection] : [] };
			if (!shift) this.#selection = [];
			return;
		}
		if (shift && this.#selection.includes(hit)) {
			this.#selection = this.#selection.filter((id) => id !== hit);
			return;
		}
		if (!this.#selection.includes(hit)) this.#selection = shift ? [...this.#selection, hit] : [hit];
		this.#gesture = { kind: 'move', start: at, originals: this.selectedShapes };
	}

	#hit(at: Point): string | null {
		return hitTest([...this.scene.shapes], at, HIT_PX / this.#viewport.zoom);
	}

	/** One transaction for many shapes: one message to the others, one undo step. */
	#transact(change: () => void) {
		this.board.doc.transact(change, this.board.origin);
	}
}

function midpoint(a: Point, b: Point): Point {
	return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function pressureOf(input: PointerInput): number {
	return input.type === 'pen' && input.pressure > 0 ? Math.min(1, input.pressure) : NO_PRESSURE;
}

/** A text box's height for its lines. */
function textHeight(shape: TextShape): number {
	const lines = layoutText(shape).lines.length;
	return Math.max(1, lines) * fontSizeFor(shape.width) * LINE_HEIGHT;
}

/** A board box in screen px. */
export function screenBox(editor: Pick<BoardEditor, 'toScreen'>, box: Box): Box {
	const a = editor.toScreen({ x: box.x, y: box.y });
	const b = editor.toScreen({ x: box.x + box.w, y: box.y + box.h });
	return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
}
