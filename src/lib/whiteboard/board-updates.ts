/**
 * Rules for the Yjs updates the server receives and stores: it checks each update with
 * `validateUpdate` before storing or relaying it, and folds stored updates with `compact`.
 */
import * as Y from 'yjs';
import { changedShapeIds, readShape, SHAPES_KEY, shapesMap } from './board-read';

export interface BoardLimits {
	/** Largest encoded board state. */
	maxBytes: number;
	/** Largest single update; also stops updates padded with content they delete again. */
	maxUpdateBytes: number;
	maxShapes: number;
}

export const BOARD_LIMITS: BoardLimits = { maxBytes: 5 * 1024 * 1024, maxUpdateBytes: 1024 * 1024, maxShapes: 20_000 };

export type UpdateRefusal =
	| 'update-too-large'
	| 'malformed'
	/** The update builds on changes the server does not have (Yjs would hold it back unseen). */
	| 'missing-dependencies'
	/** Content outside the shapes map: another root type, or list items on the map itself. */
	| 'foreign-content'
	| 'invalid-shape'
	| 'too-many-shapes'
	| 'board-too-large';

export type UpdateVerdict = { ok: true } | { ok: false; reason: UpdateRefusal; shapeId?: string };

export interface BoardStats {
	shapes: number;
	/** Size of the whole board encoded as one update. */
	bytes: number;
}

export function boardStats(doc: Y.Doc): BoardStats {
	return { shapes: shapesMap(doc).size, bytes: Y.encodeStateAsUpdate(doc).byteLength };
}

/** One update equivalent to applying all of `updates` (in any order). */
export function compact(updates: Uint8Array[]): Uint8Array {
	return Y.mergeUpdates(updates);
}

/**
 * Whether `update`, applied to the stored board `current` (all stored updates compacted; may
 * be empty), leaves a board within `limits` whose every added or changed shape passes
 * `parseShape`. Shapes the update does not touch were checked when they were stored.
 */
export function validateUpdate(current: Uint8Array, update: Uint8Array, limits: BoardLimits = BOARD_LIMITS): UpdateVerdict {
	if (update.byteLength > limits.maxUpdateBytes) return { ok: false, reason: 'update-too-large' };
	const doc = new Y.Doc();
	if (current.byteLength > 0) Y.applyUpdate(doc, current);
	const touched = new Set<string>();
	shapesMap(doc).observeDeep((events) => changedShapeIds(events).forEach((id) => touched.add(id)));
	try {
		Y.applyUpdate(doc, update);
	} catch {
		return { ok: false, reason: 'malformed' };
	}
	if (doc.store.pendingStructs || doc.store.pendingDs) return { ok: false, reason: 'missing-dependencies' };
	const shapes = shapesMap(doc);
	// A Y.Map keeps keyed entries only; list items pushed onto it would sit there unseen.
	if ([...doc.share.keys()].some((name) => name !== SHAPES_KEY) || shapes._start !== null) {
		return { ok: false, reason: 'foreign-content' };
	}
	for (const id of touched) {
		if (shapes.has(id) && !readShape(doc, id)) return { ok: false, reason: 'invalid-shape', shapeId: id };
	}
	if (shapes.size > limits.maxShapes) return { ok: false, reason: 'too-many-shapes' };
	if (boardStats(doc).bytes > limits.maxBytes) return { ok: false, reason: 'board-too-large' };
	return { ok: true };
}
