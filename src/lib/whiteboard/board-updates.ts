/**
 * Rules for the Yjs updates the server receives, stores and relays: it checks each update
 * with `applyChecked` (or `validateUpdate`) before storing or relaying it, and folds the stored
 * board with `compact`, re-encoding a garbage-collected document so deleted content is gone.
 */
import * as Y from 'yjs';
import { changedShapeIds, readShape, SHAPES_KEY, shapesMap } from './board-read';

export interface BoardLimits {
	/** Largest encoded board state. */
	maxBytes: number;
	/** Largest single update; also stops updates padded with content they delete again. */
	maxUpdateBytes: number;
	maxShapes: number;
	/** Most shapes one participant may add to a meeting's board (undo restores count too). */
	maxShapesPerParticipant: number;
	/** Most bytes stored for a board (compacted state and the updates since); past it the board compacts, and refuses when still over. */
	maxStoredBytes: number;
}

export const BOARD_LIMITS: BoardLimits = {
	maxBytes: 5 * 1024 * 1024,
	maxUpdateBytes: 1024 * 1024,
	maxShapes: 20_000,
	maxShapesPerParticipant: 5_000,
	maxStoredBytes: 8 * 1024 * 1024
};

export type UpdateRefusal =
	| 'update-too-large'
	| 'malformed'
	/** The update builds on changes the server does not have (Yjs would hold it back unseen). */
	| 'missing-dependencies'
	/** Content outside the shapes map: another root type, or list items on the map itself. */
	| 'foreign-content'
	| 'invalid-shape'
	| 'too-many-shapes'
	| 'too-many-shapes-of-yours'
	| 'board-too-large';

export type UpdateVerdict = { ok: true } | { ok: false; reason: UpdateRefusal; shapeId?: string };

/** What an accepted update did: how many shapes it added (keys new to the board). */
export type CheckedUpdate = { ok: true; added: number } | { ok: false; reason: UpdateRefusal; shapeId?: string };

export interface BoardStats {
	shapes: number;
	/** Size of the whole board encoded as one update. */
	bytes: number;
}

export function boardStats(doc: Y.Doc): BoardStats {
	return { shapes: shapesMap(doc).size, bytes: Y.encodeStateAsUpdate(doc).byteLength };
}

/** A board document built from stored parts (a compacted state, then updates), garbage-collected as it goes. */
export function boardFrom(parts: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc({ gc: true });
	for (const part of parts) if (part.byteLength) Y.applyUpdate(doc, part);
	return doc;
}

/**
 * One update equivalent to applying all of `updates` (in any order), re-encoded from a
 * garbage-collected document: content that was inserted and deleted again is gone, only its
 * ids remain (as Yjs GC ranges), so insert-and-delete loops do not grow the stored board.
 */
export function compact(updates: Uint8Array[]): Uint8Array {
	return Y.encodeStateAsUpdate(boardFrom(updates));
}

/** The limits that concern one participant's update. */
export interface ParticipantShare {
	/** Shapes this participant has added to the board before this update. */
	shapesAdded: number;
}

/**
 * Applies `update` to `doc` (the stored board) and checks that it leaves a board within
 * `limits` whose every added or changed shape passes `parseShape`; shapes the update does not
 * touch were checked when they were stored. On a refusal `doc` holds the refused update and
 * must be thrown away.
 */
export function applyChecked(doc: Y.Doc, update: Uint8Array, limits: BoardLimits = BOARD_LIMITS, share?: ParticipantShare): CheckedUpdate {
	if (update.byteLength > limits.maxUpdateBytes) return { ok: false, reason: 'update-too-large' };
	const shapes = shapesMap(doc);
	const before = new Set(shapes.keys());
	const touched = new Set<string>();
	const watch = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => changedShapeIds(events).forEach((id) => touched.add(id));
	shapes.observeDeep(watch);
	try {
		Y.applyUpdate(doc, update);
	} catch {
		return { ok: false, reason: 'malformed' };
	} finally {
		shapes.unobserveDeep(watch);
	}
	if (doc.store.pendingStructs || doc.store.pendingDs) return { ok: false, reason: 'missing-dependencies' };
	// A Y.Map keeps keyed entries only; list items pushed onto it would sit there unseen.
	if ([...doc.share.keys()].some((name) => name !== SHAPES_KEY) || shapes._start !== null) {
		return { ok: false, reason: 'foreign-content' };
	}
	let added = 0;
	for (const id of touched) {
		if (!shapes.has(id)) continue;
		if (!readShape(doc, id)) return { ok: false, reason: 'invalid-shape', shapeId: id };
		if (!before.has(id)) added++;
	}
	if (shapes.size > limits.maxShapes) return { ok: false, reason: 'too-many-shapes' };
	if (share && share.shapesAdded + added > limits.maxShapesPerParticipant) return { ok: false, reason: 'too-many-shapes-of-yours' };
	if (added > 0 || update.byteLength > 4096) {
		// Encoding the whole board is the costly check: only when the board can have grown much.
		if (boardStats(doc).bytes > limits.maxBytes) return { ok: false, reason: 'board-too-large' };
	}
	return { ok: true, added };
}

/**
 * Whether `update`, applied to the stored board `current` (all stored updates compacted; may
 * be empty), passes `applyChecked`.
 */
export function validateUpdate(current: Uint8Array, update: Uint8Array, limits: BoardLimits = BOARD_LIMITS): UpdateVerdict {
	const verdict = applyChecked(boardFrom([current]), update, limits);
	return verdict.ok ? { ok: true } : verdict;
}
