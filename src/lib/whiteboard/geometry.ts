/**
 * Shape geometry in board units: boxes, hit testing, rubber-band selection, resizing, moving
 * and scaling. Shape lists are in z-order, bottom first, as readShapes returns them.
 */
import { absolutePoints, type Shape } from './shapes';

export interface Point {
	x: number;
	y: number;
}

export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** A box with non-negative size, however its corners were given. */
export function normalizeBox({ x, y, w, h }: Box): Box {
	return { x: Math.min(x, x + w), y: Math.min(y, y + h), w: Math.abs(w), h: Math.abs(h) };
}

function boxAround(points: Point[]): Box {
	const xs = points.map((p) => p.x);
	const ys = points.map((p) => p.y);
	const x = Math.min(...xs);
	const y = Math.min(...ys);
	return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

const grow = (b: Box, by: number): Box => ({ x: b.x - by, y: b.y - by, w: b.w + 2 * by, h: b.h + 2 * by });

const penPoints = (shape: Shape & { kind: 'pen' }) => absolutePoints(shape).map(([x, y]) => ({ x, y }));

/** The geometric box, ignoring stroke width: what selection handles surround and resize. */
export function shapeBox(shape: Shape): Box {
	if (shape.kind === 'pen') return boxAround(penPoints(shape));
	if (shape.kind === 'line' || shape.kind === 'arrow') {
		return boxAround([{ x: shape.x1, y: shape.y1 }, { x: shape.x2, y: shape.y2 }]);
	}
	return { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
}

/** Length of an arrow's head for a stroke width. */
export const arrowHeadLength = (width: number) => 10 + 2 * width;

/** The two ends of an arrow head's wings; the tip is (x2, y2). 30° each side of the shaft. */
export function arrowHead(shape: Shape & { kind: 'arrow' }): [Point, Point] {
	const angle = Math.atan2(shape.y2 - shape.y1, shape.x2 - shape.x1);
	const length = arrowHeadLength(shape.width);
	const wing = (side: number): Point => ({
		x: shape.x2 - length * Math.cos(angle + (side * Math.PI) / 6),
		y: shape.y2 - length * Math.sin(angle + (side * Math.PI) / 6)
	});
	return [wing(1), wing(-1)];
}

/** Everything ink touches: the box grown by half the stroke, arrow heads included. */
export function paintBox(shape: Shape): Box {
	if (shape.kind === 'note' || shape.kind === 'text') return shapeBox(shape);
	if (shape.kind === 'arrow') {
		const ends = [{ x: shape.x1, y: shape.y1 }, { x: shape.x2, y: shape.y2 }, ...arrowHead(shape)];
		return grow(boxAround(ends), shape.width / 2);
	}
	return grow(shapeBox(shape), shape.width / 2);
}

/** The box around all `boxes`, or null for none. */
export function unionBox(boxes: Box[]): Box | null {
	if (boxes.length === 0) return null;
	return boxAround(boxes.flatMap((b) => [{ x: b.x, y: b.y }, { x: b.x + b.w, y: b.y + b.h }]));
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
	const dx = b.x - a.x;
	const dy = b.y - a.y;
	const lengthSquared = dx * dx + dy * dy;
	const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
	return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function distanceToPolyline(p: Point, points: Point[]): number {
	if (points.length === 1) return Math.hypot(p.x - points[0].x, p.y - points[0].y);
	let best = Infinity;
	for (let i = 1; i < points.length; i++) best = Math.min(best, distanceToSegment(p, points[i - 1], points[i]));
	return best;
}

/** Distance from `p` to the box's outline, and whether `p` is inside. */
function rectDistance(p: Point, b: Box): { outline: number; inside: boolean } {
	const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.w));
	const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.h));
	if (dx > 0 || dy > 0) return { outline: Math.hypot(dx, dy), inside: false };
	return { outline: Math.min(p.x - b.x, b.x + b.w - p.x, p.y - b.y, b.y + b.h - p.y), inside: true };
}

/** Distance to the inscribed ellipse's outline (radial approximation) and whether inside. */
function ellipseDistance(p: Point, b: Box): { outline: number; inside: boolean } {
	const rx = b.w / 2;
	const ry = b.h / 2;
	const cx = p.x - (b.x + rx);
	const cy = p.y - (b.y + ry);
	if (rx === 0 || ry === 0) {
		const corners = [{ x: b.x, y: b.y }, { x: b.x + b.w, y: b.y + b.h }];
		return { outline: distanceToPolyline(p, corners), inside: false };
	}
	const k = Math.hypot(cx / rx, cy / ry);
	return { outline: k === 0 ? Math.min(rx, ry) : Math.hypot(cx, cy) * Math.abs(1 - 1 / k), inside: k <= 1 };
}

/** Whether `p` touches the shape's ink (or, for notes, text and filled shapes, its inside). */
export function hitsShape(shape: Shape, p: Point, tolerance: number): boolean {
	const reach = tolerance + shape.width / 2;
	switch (shape.kind) {
		case 'pen':
			return distanceToPolyline(p, penPoints(shape)) <= reach;
		case 'line':
		case 'arrow':
			return distanceToSegment(p, { x: shape.x1, y: shape.y1 }, { x: shape.x2, y: shape.y2 }) <= reach;
		case 'note':
		case 'text': {
			const { outline, inside } = rectDistance(p, shape);
			return inside || outline <= tolerance;
		}
		case 'rect':
		case 'ellipse': {
			const { outline, inside } = (shape.kind === 'rect' ? rectDistance : ellipseDistance)(p, shape);
			return (shape.filled && inside) || outline <= reach;
		}
	}
}

/** The id of the topmost shape at `p`, or null. `tolerance` is in board units (px / zoom). */
export function hitTest(shapes: Shape[], p: Point, tolerance: number): string | null {
	for (let i = shapes.length - 1; i >= 0; i--) if (hitsShape(shapes[i], p, tolerance)) return shapes[i].id;
	return null;
}

/** Ids (in z-order) of the shapes lying wholly inside `rect`, which may be dragged any way. */
export function shapesInRect(shapes: Shape[], rect: Box): string[] {
	const r = normalizeBox(rect);
	return shapes
		.filter((shape) => {
			const b = shapeBox(shape);
			return b.x >= r.x && b.y >= r.y && b.x + b.w <= r.x + r.w && b.y + b.h <= r.y + r.h;
		})
		.map((shape) => shape.id);
}
