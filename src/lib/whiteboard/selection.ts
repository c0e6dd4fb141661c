/**
 * Which shapes are selected: the rules of a select-tool press, the rubber band and restyling.
 * Selections are shape ids in the order they were picked. A rule that changes nothing gives
 * back the same array, so a `$state.raw` holding it does not update for nothing.
 */
import type { Shape, ShapePatch } from './shapes';

/** What a select-tool press leaves selected, and the drag it starts: a rubber band, a move, or none. */
export interface SelectPress {
	selection: string[];
	drag: 'band' | 'move' | null;
}

/**
 * A press on shape `hit` (null: on the empty board). Shift adds to the selection, or takes a
 * selected shape out of it; a press on the empty board starts a rubber band, which without
 * Shift starts from nothing.
 */
export function pressSelect(selection: string[], hit: string | null, shift: boolean): SelectPress {
	if (!hit) return { selection: shift ? selection : [], drag: 'band' };
	if (shift && selection.includes(hit)) return { selection: without(selection, hit), drag: null };
	if (selection.includes(hit)) return { selection, drag: 'move' };
	return { selection: shift ? [...selection, hit] : [hit], drag: 'move' };
}

/** The selection `base` with the shapes a rubber band caught added, each once. */
export function addCaught(base: readonly string[], caught: readonly string[]): string[] {
	return [...new Set([...base, ...caught])];
}

/** The selection without `id`. */
export function without(selection: readonly string[], id: string): string[] {
	return selection.filter((s) => s !== id);
}

/** The selection without the shapes that are gone (the same array when none is). */
export function keepExisting(selection: string[], exists: (id: string) => boolean): string[] {
	return selection.every(exists) ? selection : selection.filter(exists);
}

/** The selected shapes a style change applies to: a fill only to rectangles and ellipses, colour and width to all. */
export function restyleTargets(shapes: Shape[], patch: ShapePatch): Shape[] {
	return 'filled' in patch ? shapes.filter((s) => s.kind === 'rect' || s.kind === 'ellipse') : shapes;
}
