/**
 * The geometry of pointer gestures on the board: the box a drag draws, the selection's resize
 * handles, and the points an eraser sweeps. Pure, in whatever frame the caller passes.
 */
import { shapeBox, unionBox, type Box, type Point } from './geometry';
import type { Shape } from './shapes';
import type { Handle } from './transform';

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
