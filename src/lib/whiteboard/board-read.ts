/**
 * Reading the board's Y.Doc (layout in board-doc.ts) back into plain, validated shapes, and
 * watching which shapes change so a renderer re-reads only those.
 */
import * as Y from 'yjs';
import { decodePoints } from './point-codec';
import { parseShape, type Shape } from './shapes';

export const SHAPES_KEY = 'shapes';

export function shapesMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(SHAPES_KEY);
}

/** A shape's Y.Map as a plain record for `parseShape`; null when it holds unexpected types. */
export function shapeRecord(value: unknown): Record<string, unknown> | null {
	if (!(value instanceof Y.Map)) return null;
	const record: Record<string, unknown> = {};
	for (const [key, field] of value.entries()) {
		if (key === 'points' && field instanceof Y.Array) {
			const points = decodePoints(field.toArray());
			if (!points) return null;
			record.points = points;
		} else if (field instanceof Y.AbstractType || field instanceof Y.Doc) return null;
		else record[key] = field;
	}
	return record;
}

/** The shape stored under `id`, or null when absent or invalid (or stored under another id). */
export function readShape(doc: Y.Doc, id: string): Shape | null {
	const shape = parseShape(shapeRecord(shapesMap(doc).get(id)));
	return shape?.id === id ? shape : null;
}

/** Bottom first; equal z (two users adding at once) falls back to id, the same on every peer. */
export function byZ(a: Shape, b: Shape): number {
	return a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every valid shape, bottom of the z-order first. Costs a parse per shape: see watchShapes. */
export function readShapes(doc: Y.Doc): Shape[] {
	const shapes: Shape[] = [];
	for (const [id, value] of shapesMap(doc).entries()) {
		const shape = parseShape(shapeRecord(value));
		if (shape?.id === id) shapes.push(shape);
	}
	return shapes.sort(byZ);
}

/** Ids of the shapes added, changed or deleted, from `observeDeep` events on the shapes map. */
export function changedShapeIds(events: Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
	const ids = new Set<string>();
	for (const event of events) {
		const id = event.path[0];
		if (typeof id === 'string') ids.add(id);
		else if (event instanceof Y.YMapEvent) event.keysChanged.forEach((key: string) => ids.add(key));
	}
	return ids;
}

/**
 * Calls `onChange` after each transaction with the ids it touched (re-read them with
 * readShape: null means deleted) and its origin. Returns the cleanup.
 */
export function watchShapes(doc: Y.Doc, onChange: (ids: Set<string>, origin: unknown) => void): () => void {
	const shapes = shapesMap(doc);
	const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => onChange(changedShapeIds(events), tr.origin);
	shapes.observeDeep(observer);
	return () => shapes.unobserveDeep(observer);
}
