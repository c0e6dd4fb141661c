import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodePoints, encodePoints, quantizePoints } from './point-codec';
import type { PenPoint } from './shapes';

describe('quantizePoints', () => {
	it.each<[PenPoint, PenPoint]>([
		[[0, 0, 0.5], [0, 0, 0.5]],
		[[0.07, -0.19, 0.3], [0.125, -0.25, 19 / 64]],
		[[1234.5678, -99999.99, 1], [1234.625, -100000, 1]]
	])('%j → %j', (point, rounded) => {
		expect(quantizePoints([point])).toEqual([rounded]);
	});

	it('passes non-numbers through for parseShape to refuse', () => {
		expect(quantizePoints([['x', 1.01, null] as unknown as PenPoint])).toEqual([['x', 1, null]]);
	});
});

describe('encodePoints and decodePoints', () => {
	it('round-trip quantized points as integers', () => {
		const points = quantizePoints([[0, 0, 0.5], [-12.34, 56.78, 0.99], [100000, -100000, 0]]);
		const stored = encodePoints(points);
		expect(stored.every(Number.isInteger)).toBe(true);
		expect(decodePoints(stored)).toEqual(points);
	});

	it('refuses a list that is not made of triples', () => {
		expect(decodePoints([1, 2, 3, 4])).toBeNull();
	});

	it('stores a typical point in under 9 bytes', () => {
		const points: PenPoint[] = Array.from({ length: 1000 }, (_, i) => [i * 1.37, Math.sin(i / 9) * 80, 0.3 + (i % 50) / 100]);
		const doc = new Y.Doc();
		const array = doc.getArray<number>('p');
		const before = Y.encodeStateAsUpdate(doc).byteLength;
		array.push(encodePoints(quantizePoints(points)));
		expect((Y.encodeStateAsUpdate(doc).byteLength - before) / points.length).toBeLessThan(9);
	});
});
