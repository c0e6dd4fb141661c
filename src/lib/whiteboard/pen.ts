/**
 * How pen strokes look: perfect-freehand turns [x, y, pressure] points into an outline polygon
 * that is filled (not stroked) with the shape's colour. Also thins points while drawing.
 */
import { getStroke } from 'perfect-freehand';
import { absolutePoints, type PenPoint, type PenShape } from './shapes';

export type Outline = [number, number][];

export interface OutlineOptions {
	/**
	 * Derive pressure from speed, for devices that report none. Default: when every point has
	 * the same pressure (a mouse reports a constant 0.5), so server and browser agree.
	 */
	simulatePressure?: boolean;
	/** False while the stroke is still being drawn, so its end is not tapered yet. */
	last?: boolean;
}

const constantPressure = (points: readonly PenPoint[]) => points.every(([, , p]) => p === points[0][2]);

/** The outline polygon of a stroke through `points` (in any frame; the outline is in the same one). */
export function strokeOutline(points: readonly PenPoint[], width: number, options: OutlineOptions = {}): Outline {
	return getStroke([...points], {
		size: width,
		thinning: 0.5,
		smoothing: 0.5,
		streamline: 0.5,
		simulatePressure: options.simulatePressure ?? constantPressure(points),
		last: options.last ?? true
	}) as Outline;
}

/** A finished pen shape's outline in board coordinates. */
export function penOutline(pen: PenShape): Outline {
	return strokeOutline(absolutePoints(pen), pen.width);
}

const n = (v: number) => String(Math.round(v * 100) / 100);
const mid = (a: [number, number], b: [number, number]) => `${n((a[0] + b[0]) / 2)},${n((a[1] + b[1]) / 2)}`;

/**
 * SVG path data for an outline, smoothed with quadratic curves through the midpoints (the
 * recipe from perfect-freehand's README); usable as `new Path2D(d)` on a canvas too.
 */
export function outlineToSvgPath(outline: Outline): string {
	if (outline.length === 0) return '';
	if (outline.length < 4) return `M${outline.map(([x, y]) => `${n(x)},${n(y)}`).join(' L')} Z`;
	const [a, b, c] = outline;
	let d = `M${n(a[0])},${n(a[1])} Q${n(b[0])},${n(b[1])} ${mid(b, c)} T`;
	for (let i = 2; i < outline.length - 1; i++) d += `${mid(outline[i], outline[i + 1])} `;
	return `${d}Z`;
}

/** Whether b lies closer than `tolerance` to a: while drawing, skip appending such a point. */
export function isNear(a: readonly number[], b: readonly number[], tolerance: number): boolean {
	return Math.hypot(b[0] - a[0], b[1] - a[1]) < tolerance;
}

/**
 * `points` without those closer than `tolerance` to the previous kept point; the first and
 * last points always stay, so the stroke still starts and ends where the pen did.
 */
export function dropNearPoints<P extends readonly number[]>(points: readonly P[], tolerance: number): P[] {
	const kept: P[] = [];
	for (const point of points) if (kept.length === 0 || !isNear(kept[kept.length - 1], point, tolerance)) kept.push(point);
	const last = points[points.length - 1];
	if (points.length > 1 && kept[kept.length - 1] !== last) {
		if (kept.length > 1) kept[kept.length - 1] = last;
		else kept.push(last);
	}
	return kept;
}
