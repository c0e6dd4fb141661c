/**
 * Moving, resizing and scaling shapes. Each returns a new shape to hand to `updateShape`,
 * which writes only the fields that changed (moving a pen stroke changes only x and y).
 */
import { normalizeBox, type Box, type Point } from './geometry';
import type { PenPoint, Shape } from './shapes';

/** A selection handle: an edge or a corner, by compass direction. */
export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

/** The ends of the span start…start+size scaled by `s`, keeping the end that does not move (or the centre). */
function scaledSide(start: number, size: number, s: number, moves: 'low' | 'high' | 'none'): [number, number] {
	if (moves === 'high') return [start, start + size * s];
	if (moves === 'low') return [start + size - size * s, start + size];
	const centre = start + size / 2;
	return [centre - (size * s) / 2, centre + (size * s) / 2];
}

/**
 * The box after dragging `handle` by `delta`. Dragging past the opposite side flips the box.
 * With `keepAspect` the box scales uniformly from the opposite corner (corners: by whichever
 * axis's scale is larger in magnitude) or from the opposite side's middle (edges); a box with
 * no width or height cannot keep an aspect and resizes freely.
 */
export function resizeBox(box: Box, handle: Handle, delta: Point, keepAspect: boolean): Box {
	const horizontal = handle.includes('w') ? 'low' : handle.includes('e') ? 'high' : 'none';
	const vertical = handle.includes('n') ? 'low' : handle.includes('s') ? 'high' : 'none';
	let x1 = box.x + (horizontal === 'low' ? delta.x : 0);
	let x2 = box.x + box.w + (horizontal === 'high' ? delta.x : 0);
	let y1 = box.y + (vertical === 'low' ? delta.y : 0);
	let y2 = box.y + box.h + (vertical === 'high' ? delta.y : 0);
	if (keepAspect && box.w > 0 && box.h > 0) {
		const sx = (x2 - x1) / box.w;
		const sy = (y2 - y1) / box.h;
		const s = vertical === 'none' ? sx : horizontal === 'none' ? sy : Math.abs(sx) >= Math.abs(sy) ? sx : sy;
		[x1, x2] = scaledSide(box.x, box.w, s, horizontal);
		[y1, y2] = scaledSide(box.y, box.h, s, vertical);
	}
	return normalizeBox({ x: x1, y: y1, w: x2 - x1, h: y2 - y1 });
}

/** The shape moved by (dx, dy). */
export function translate<S extends Shape>(shape: S, dx: number, dy: number): S {
	if (shape.kind === 'line' || shape.kind === 'arrow') {
		return { ...shape, x1: shape.x1 + dx, y1: shape.y1 + dy, x2: shape.x2 + dx, y2: shape.y2 + dy };
	}
	return { ...shape, x: shape.x + dx, y: shape.y + dy };
}

/**
 * The shape mapped from `from` to `to` (e.g. a selection's box before and after resizeBox);
 * a side of zero length in `from` only moves. Stroke width and font size do not scale.
 */
export function scaleShape<S extends Shape>(shape: S, from: Box, to: Box): S {
	const sx = from.w === 0 ? 1 : to.w / from.w;
	const sy = from.h === 0 ? 1 : to.h / from.h;
	const mapX = (x: number) => to.x + (x - from.x) * sx;
	const mapY = (y: number) => to.y + (y - from.y) * sy;
	switch (shape.kind) {
		case 'pen': {
			const points = shape.points.map(([dx, dy, p]): PenPoint => [dx * sx, dy * sy, p]);
			return { ...shape, x: mapX(shape.x), y: mapY(shape.y), points };
		}
		case 'line':
		case 'arrow':
			return { ...shape, x1: mapX(shape.x1), y1: mapY(shape.y1), x2: mapX(shape.x2), y2: mapY(shape.y2) };
		default: {
			const x = mapX(shape.x);
			const y = mapY(shape.y);
			return { ...shape, ...normalizeBox({ x, y, w: mapX(shape.x + shape.w) - x, h: mapY(shape.y + shape.h) - y }) };
		}
	}
}
