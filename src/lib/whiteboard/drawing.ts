/**
 * What the drawing tools make, in board units: a dragged line or box, a new note or text box,
 * and the patch typing makes to one. The caller supplies what is not pure (a fresh id, the clock,
 * the doc's next z) as a ShapeBase.
 */
import type { Point } from './geometry';
import { dragBox } from './gestures';
import { fontSizeFor, type Shape, type ShapePatch, type TextShape } from './shapes';
import { LINE_HEIGHT, layoutText } from './text-layout';

/** The fields every new shape starts with. */
export type ShapeBase = Pick<Shape, 'id' | 'color' | 'width' | 'z' | 'author' | 'createdAt'>;

const NOTE_SIZE = { w: 200, h: 160 };
const TEXT_WIDTH = 320;

export const isTextShape = (shape: Shape | undefined): shape is TextShape => shape?.kind === 'note' || shape?.kind === 'text';

/**
 * The geometry of a line or arrow dragged from `start` to `at`, or of a rectangle or ellipse in
 * the box the drag draws (`square`: a square or circle).
 */
export function dragGeometry(draws: 'line' | 'arrow' | 'rect' | 'ellipse', start: Point, at: Point, square: boolean, filled: boolean): ShapePatch {
	if (draws === 'line' || draws === 'arrow') return { x1: start.x, y1: start.y, x2: at.x, y2: at.y };
	return { ...dragBox(start, at, square), filled };
}

/** An empty note centred on `at`, or an empty one-line text box whose line is centred on `at`. */
export function newTextShape(base: ShapeBase, kind: 'note' | 'text', at: Point): TextShape {
	const line = fontSizeFor(base.width) * LINE_HEIGHT;
	const box =
		kind === 'note'
			? { x: at.x - NOTE_SIZE.w / 2, y: at.y - NOTE_SIZE.h / 2, ...NOTE_SIZE }
			: { x: at.x, y: at.y - line / 2, w: TEXT_WIDTH, h: line };
	return { ...base, kind, ...box, text: '' };
}

/** The patch that types `text` into a note or text box; a text box grows or shrinks to fit its lines. */
export function textPatch(shape: TextShape, text: string): ShapePatch {
	if (shape.kind !== 'text') return { text };
	const lines = layoutText({ ...shape, text }).lines.length;
	return { text, h: Math.max(1, lines) * fontSizeFor(shape.width) * LINE_HEIGHT };
}
