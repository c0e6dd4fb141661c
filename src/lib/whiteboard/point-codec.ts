/**
 * How pen points are stored in the Y.Doc: one flat `Y.Array<number>` of integers, three per
 * point — dx and dy in eighths of a board unit, pressure in 64ths. Yjs writes small integers
 * as 1–3 byte varints where a float costs 5–9 bytes, so a point takes about 8 bytes instead of
 * 15–27: boards stay well under the size limit and sync and validate faster.
 */
import type { PenPoint } from './shapes';

const STEPS = [8, 8, 64] as const;

/** The points rounded to what the doc can store (1/8 unit, 1/64 pressure); non-numbers pass through for parseShape to refuse. */
export function quantizePoints(points: readonly PenPoint[]): PenPoint[] {
	const round = (v: unknown, i: number) => (typeof v === 'number' ? Math.round(v * STEPS[i]) / STEPS[i] : v);
	return points.map((point) => (Array.isArray(point) ? (point.map(round) as PenPoint) : point));
}

/** Points (already quantized) as the doc stores them. */
export function encodePoints(points: readonly PenPoint[]): number[] {
	return points.flatMap((point) => point.map((v, i) => Math.round(v * STEPS[i])));
}

/** Stored numbers back as points; values stay unchecked (parseShape checks them), null if not triples. */
export function decodePoints(stored: readonly unknown[]): unknown[][] | null {
	if (stored.length % 3 !== 0) return null;
	const scale = (v: unknown, step: number) => (typeof v === 'number' ? v / step : v);
	// A plain loop: boards hold hundreds of thousands of points and this runs on every full read.
	const points = new Array<unknown[]>(stored.length / 3);
	for (let p = 0; p < points.length; p++) {
		points[p] = [scale(stored[3 * p], STEPS[0]), scale(stored[3 * p + 1], STEPS[1]), scale(stored[3 * p + 2], STEPS[2])];
	}
	return points;
}
