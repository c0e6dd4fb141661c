/**
 * The board as a Y.Doc, and every edit the app makes to it.
 *
 * Layout: the root `Y.Map` 'shapes' maps a shape id to a `Y.Map` of that shape's fields, so
 * concurrent edits to different fields of one shape merge (last writer wins per field). A pen
 * stroke's points live in a `Y.Array<number>` under 'points' (encoding in point-codec.ts):
 * appending while drawing sends only the new numbers.
 *
 * Every edit runs in `doc.transact(…, origin)`; an UndoManager from `createUndo` tracks one
 * origin, so a user undoes only their own edits. Edits validate with `parseShape` first and
 * refuse (return false) rather than write a shape the server would refuse.
 */
import * as Y from 'yjs';
import { readShape, readShapes, shapesMap } from './board-read';
import { encodePoints, quantizePoints } from './point-codec';
import { IMMUTABLE_FIELDS, parseShape, SHAPE_LIMITS, type PenPoint, type Shape, type ShapePatch } from './shapes';

/** A new board, loaded from a stored state when given one. */
export function createBoard(state?: Uint8Array): Y.Doc {
	const doc = new Y.Doc();
	if (state?.byteLength) Y.applyUpdate(doc, state);
	return doc;
}

// Points are rounded before validation so the stored stroke is exactly the validated one.
const withQuantizedPoints = <T extends object>(shape: T) =>
	'points' in shape && Array.isArray(shape.points) ? { ...shape, points: quantizePoints(shape.points) } : shape;

function pointsArray(points: PenPoint[]): Y.Array<number> {
	const array = new Y.Array<number>();
	array.push(encodePoints(points));
	return array;
}

/** The z for a shape added on top. */
export function nextZ(doc: Y.Doc): number {
	let top = -1;
	for (const map of shapesMap(doc).values()) {
		const z = map instanceof Y.Map ? map.get('z') : undefined;
		if (typeof z === 'number' && z > top) top = z;
	}
	return top + 1;
}

/** Adds `shape` (pen points rounded as quantizePoints does); false if invalid or the id is taken. */
export function addShape(doc: Y.Doc, shape: Shape, origin: unknown): boolean {
	const valid = parseShape(withQuantizedPoints(shape));
	const shapes = shapesMap(doc);
	if (!valid || shapes.has(valid.id)) return false;
	const map = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(valid)) map.set(key, key === 'points' ? pointsArray(value as PenPoint[]) : value);
	doc.transact(() => shapes.set(valid.id, map), origin);
	return true;
}

/**
 * Appends `points`, given in board coordinates, to the pen stroke `id` while it is drawn.
 * False (nothing appended) if `id` is not a valid pen stroke, a point is invalid or off the
 * board, or the stroke would pass SHAPE_LIMITS.maxPoints: start a new stroke then.
 */
export function appendPoints(doc: Y.Doc, id: string, points: PenPoint[], origin: unknown): boolean {
	const map = shapesMap(doc).get(id);
	const array = map instanceof Y.Map ? map.get('points') : undefined;
	if (!(map instanceof Y.Map) || !(array instanceof Y.Array)) return false;
	if (points.length === 0) return true;
	// Checks only the new points against the stroke's other fields: parsing the whole stroke
	// on every pointer move would cost O(stroke length).
	const fields = Object.fromEntries([...map.entries()].filter(([key]) => key !== 'points'));
	const relative = quantizePoints(points.map(([x, y, p]) => [x - Number(fields.x), y - Number(fields.y), p]));
	const probe = parseShape({ ...fields, points: relative });
	if (probe?.kind !== 'pen' || array.length / 3 + relative.length > SHAPE_LIMITS.maxPoints) return false;
	doc.transact(() => array.push(encodePoints(relative)), origin);
	return true;
}

const samePoints = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Applies the fields of `patch` that differ from the stored shape (a whole shape from
 * `translate` or `scaleShape` works: only what changed is written). Ignores id, kind, author
 * and createdAt. False if the shape is missing or the result would be invalid.
 */
export function updateShape(doc: Y.Doc, id: string, patch: ShapePatch, origin: unknown): boolean {
	const map = shapesMap(doc).get(id);
	const current = readShape(doc, id);
	if (!(map instanceof Y.Map) || !current) return false;
	const fixed = Object.fromEntries(IMMUTABLE_FIELDS.map((key) => [key, current[key]]));
	const next = parseShape(withQuantizedPoints({ ...current, ...patch, ...fixed }));
	if (!next) return false;
	const changes = Object.entries(next).filter(([key, value]) =>
		key === 'points'
			? !samePoints(encodePoints(value as PenPoint[]), (map.get('points') as Y.Array<number>).toArray())
			: map.get(key) !== value
	);
	if (changes.length === 0) return true;
	doc.transact(() => {
		for (const [key, value] of changes) map.set(key, key === 'points' ? pointsArray(value as PenPoint[]) : value);
	}, origin);
	return true;
}

/** Deletes the shapes among `ids` that exist; returns how many. */
export function deleteShapes(doc: Y.Doc, ids: Iterable<string>, origin: unknown): number {
	const shapes = shapesMap(doc);
	const present = [...new Set(ids)].filter((id) => shapes.has(id));
	if (present.length > 0) doc.transact(() => present.forEach((id) => shapes.delete(id)), origin);
	return present.length;
}

/** Deletes every shape; the local user's undo brings them all back. */
export function clearBoard(doc: Y.Doc, origin: unknown): void {
	const shapes = shapesMap(doc);
	if (shapes.size > 0) doc.transact(() => [...shapes.keys()].forEach((id) => shapes.delete(id)), origin);
}

/**
 * Moves `ids` above (`front`) or below (`back`) every other shape, keeping their own order.
 * Writes nothing when they are already there.
 */
export function restack(doc: Y.Doc, ids: Iterable<string>, to: 'front' | 'back', origin: unknown): void {
	const wanted = new Set(ids);
	const all = readShapes(doc);
	const moving = all.filter((s) => wanted.has(s.id));
	const edge = to === 'front' ? all.slice(all.length - moving.length) : all.slice(0, moving.length);
	if (moving.length === 0 || edge.every((s) => wanted.has(s.id))) return;
	const shapes = shapesMap(doc);
	const start = to === 'front' ? all[all.length - 1].z + 1 : all[0].z - moving.length;
	doc.transact(() => moving.forEach((s, i) => (shapes.get(s.id) as Y.Map<unknown>).set('z', start + i)), origin);
}

export const bringToFront = (doc: Y.Doc, ids: Iterable<string>, origin: unknown) => restack(doc, ids, 'front', origin);
export const sendToBack = (doc: Y.Doc, ids: Iterable<string>, origin: unknown) => restack(doc, ids, 'back', origin);

/**
 * An UndoManager for the edits made with `origin` only. Edits less than `captureTimeout` ms
 * apart merge into one step, so a stroke drawn without pausing is one step; call
 * `stopCapturing()` when a gesture starts so two quick gestures stay two steps.
 */
export function createUndo(doc: Y.Doc, origin: unknown, captureTimeout = 300): Y.UndoManager {
	return new Y.UndoManager(shapesMap(doc), { trackedOrigins: new Set([origin]), captureTimeout });
}
