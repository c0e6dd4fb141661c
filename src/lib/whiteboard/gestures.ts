/**
 * Pointer gestures on the board: what a press starts, the box a drag draws, the selection's
 * resize handles, the points an eraser sweeps and a pen adds, and where a move or resize takes
 * the shapes. Pure; screen points are CSS px, board points board units (see viewport.ts).
 */
import { hitTest, shapeBox, unionBox, type Box, type Point } from './geometry';
import { isNear } from './pen';
import type { PenPoint, Shape } from './shapes';
import { resizeBox, scaleShape, translate, type Handle } from './transform';
import { boxToScreen, screenToBoard, type Pinch, type Viewport } from './viewport';

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

/** A gesture in progress, from press to release; points are board points unless named screen. */
export type Gesture =
	| { kind: 'pan'; last: Point }
	| ({ kind: 'pinch' } & Pinch)
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
/** A mouse or finger reports no real pressure: a constant lets perfect-freehand simulate it. */
const NO_PRESSURE = 0.5;

/**
 * What a press of `button` starts: a pan (the middle button, or the left one while the board
 * moves with the pointer, for those who may draw), the tool's gesture (left button), or nothing.
 */
export function pressStarts(button: number, panning: boolean, canDraw: boolean): 'pan' | 'tool' | null {
	if (button === 1) return 'pan';
	if (!canDraw) return null;
	if (panning) return 'pan';
	return button === 0 ? 'tool' : null;
}

/** Whether a drag from `a` to `b` (screen px) is still a click. */
export function isClick(a: Point, b: Point): boolean {
	return Math.hypot(a.x - b.x, a.y - b.y) < CLICK_PX;
}

/** How near (board units) a point must be to hit a shape at this zoom. */
export function hitTolerance(viewport: Viewport): number {
	return HIT_PX / viewport.zoom;
}

/** The pressure a stroke records for a pointer event (0–1). */
export function pressureOf(input: Pick<PointerInput, 'type' | 'pressure'>): number {
	return input.type === 'pen' && input.pressure > 0 ? Math.min(1, input.pressure) : NO_PRESSURE;
}

/** Corners first, then edges: where two overlap on a tiny box, the corner wins. */
export const HANDLES: readonly Handle[] = ['nw', 'ne', 'se', 'sw', 'n', 'e', 's', 'w'];

/** The box a drag from `a` to `b` draws; `square` makes it a square (or circle) in the drag's direction. */
export function dragBox(a: Point, b: Point, square: boolean): Box {
	let w = b.x - a.x;
	let h = b.y - a.y;
	if (square) {
		const side = Math.max(Math.abs(w), Math.abs(h));
		w = Math.sign(w || 1) * side;
		h = Math.sign(h || 1) * side;
	}
	return { x: Math.min(a.x, a.x + w), y: Math.min(a.y, a.y + h), w: Math.abs(w), h: Math.abs(h) };
}

/** Where `handle` sits on `box`. */
export function handlePoint(box: Box, handle: Handle): Point {
	const x = handle.includes('w') ? box.x : handle.includes('e') ? box.x + box.w : box.x + box.w / 2;
	const y = handle.includes('n') ? box.y : handle.includes('s') ? box.y + box.h : box.y + box.h / 2;
	return { x, y };
}

/** The handle of `box` within `radius` of `p`, or null. */
export function handleAt(box: Box, p: Point, radius: number): Handle | null {
	for (const handle of HANDLES) {
		const at = handlePoint(box, handle);
		if (Math.abs(at.x - p.x) <= radius && Math.abs(at.y - p.y) <= radius) return handle;
	}
	return null;
}

/** The box the selection handles surround, or null when nothing is selected. */
export function selectionBox(shapes: Shape[]): Box | null {
	return unionBox(shapes.map(shapeBox));
}

/** Points from `a` to `b` (both included) at most `step` apart: what an eraser swept. */
export function pointsAlong(a: Point, b: Point, step: number): Point[] {
	const count = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / step));
	return Array.from({ length: count + 1 }, (_, i) => ({ x: a.x + ((b.x - a.x) * i) / count, y: a.y + ((b.y - a.y) * i) / count }));
}

/** The shape a pen or shape drag has drawn so far (a second finger turns it into a pinch and takes it back), or null. */
export function drawnSoFar(gesture: Gesture | null): string | null {
	return gesture?.kind === 'pen' || gesture?.kind === 'draw' ? gesture.id : null;
}

/** The ids of the shapes any of `points` hits. */
export function shapesHitAlong(shapes: Shape[], points: Point[], tolerance: number): Set<string> {
	const hits = new Set<string>();
	for (const p of points) {
		const id = hitTest(shapes, p, tolerance);
		if (id) hits.add(id);
	}
	return hits;
}

/**
 * The board points (with pressure) a pen adds from `samples` (screen px) after board point
 * `last`, and the new last point.
 */
export function strokePoints(viewport: Viewport, last: Point, samples: PointerInput[]): { points: PenPoint[]; last: Point } {
	const points: PenPoint[] = [];
	for (const sample of samples) {
		const at = screenToBoard(viewport, { x: sample.x, y: sample.y });
		// Closer than half a screen pixel adds nothing visible, only bytes.
		if (isNear([last.x, last.y], [at.x, at.y], 0.5 / viewport.zoom)) continue;
		points.push([at.x, at.y, pressureOf(sample)]);
		last = at;
	}
	return { points, last };
}

/** The selection's resize handle under screen point `p`, with the box (board units) it resizes; or null. */
export function grabHandle(selected: Shape[], viewport: Viewport, p: Point): { handle: Handle; box: Box } | null {
	const box = selectionBox(selected);
	const handle = box && handleAt(boxToScreen(viewport, box), p, HANDLE_PX + 2);
	return box && handle ? { handle, box } : null;
}

/** The shapes a move or resize that started at `gesture.start` has taken to `at`; `keepAspect` (Shift) for a resize. */
export function draggedShapes(gesture: Gesture & { kind: 'move' | 'resize' }, at: Point, keepAspect: boolean): Shape[] {
	const delta = { x: at.x - gesture.start.x, y: at.y - gesture.start.y };
	if (gesture.kind === 'move') return gesture.originals.map((s) => translate(s, delta.x, delta.y));
	const box = resizeBox(gesture.box, gesture.handle, delta, keepAspect);
	return gesture.originals.map((s) => scaleShape(s, gesture.box, box));
}
