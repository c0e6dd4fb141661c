/**
 * Paints the board on a 2D canvas, shape by shape as render-svg.ts writes them (the reference
 * for every kind), plus the selection and the rubber band on top in screen pixels.
 */
import { arrowHead, paintBox, type Box } from '../whiteboard/geometry';
import { HANDLES, handlePoint } from '../whiteboard/gestures';
import { outlineToSvgPath, penOutline } from '../whiteboard/pen';
import { FILL_OPACITY } from '../whiteboard/render-svg';
import { COLOR_HEX, type Shape, type TextShape } from '../whiteboard/shapes';
import { FONT_FAMILY, layoutText, NOTE_STYLE } from '../whiteboard/text-layout';
import type { Viewport } from '../whiteboard/viewport';

export interface Frame {
	shapes: readonly Shape[];
	viewport: Viewport;
	/** CSS px. */
	width: number;
	height: number;
	pixelRatio: number;
	/** Screen boxes. */
	selection: Box | null;
	band: Box | null;
	handleSize: number;
	/** The note or text under the text editor: its card is drawn, its text is not. */
	editing: string | null;
}

// A stroke's outline costs a perfect-freehand pass: keep it until the stroke changes (a changed
// shape is a new object, see BoardScene).
const penPaths = new WeakMap<Shape, Path2D>();

function penPath(shape: Shape & { kind: 'pen' }): Path2D {
	let path = penPaths.get(shape);
	if (!path) {
		path = new Path2D(outlineToSvgPath(penOutline(shape)));
		penPaths.set(shape, path);
	}
	return path;
}

function paintText(ctx: CanvasRenderingContext2D, shape: TextShape) {
	const { fontSize, lines } = layoutText(shape);
	ctx.font = `${fontSize}px ${FONT_FAMILY}`;
	ctx.fillStyle = COLOR_HEX[shape.color];
	for (const line of lines) ctx.fillText(line.text, line.x, line.y);
}

function paintShape(ctx: CanvasRenderingContext2D, shape: Shape, editing: boolean) {
	const ink = COLOR_HEX[shape.color];
	ctx.strokeStyle = ink;
	ctx.fillStyle = ink;
	ctx.lineWidth = shape.width;
	switch (shape.kind) {
		case 'pen':
			ctx.fill(penPath(shape));
			return;
		case 'line':
		case 'arrow': {
			ctx.beginPath();
			ctx.moveTo(shape.x1, shape.y1);
			ctx.lineTo(shape.x2, shape.y2);
			if (shape.kind === 'arrow') {
				const [left, right] = arrowHead(shape);
				ctx.moveTo(left.x, left.y);
				ctx.lineTo(shape.x2, shape.y2);
				ctx.lineTo(right.x, right.y);
			}
			ctx.stroke();
			return;
		}
		case 'rect':
		case 'ellipse': {
			ctx.beginPath();
			if (shape.kind === 'rect') ctx.rect(shape.x, shape.y, shape.w, shape.h);
			else ctx.ellipse(shape.x + shape.w / 2, shape.y + shape.h / 2, shape.w / 2, shape.h / 2, 0, 0, 2 * Math.PI);
			if (shape.filled) {
				ctx.globalAlpha = FILL_OPACITY;
				ctx.fill();
				ctx.globalAlpha = 1;
			}
			ctx.stroke();
			return;
		}
		case 'note':
			ctx.beginPath();
			ctx.roundRect(shape.x, shape.y, shape.w, shape.h, NOTE_STYLE.radius);
			ctx.fillStyle = NOTE_STYLE.fill;
			ctx.strokeStyle = NOTE_STYLE.border;
			ctx.lineWidth = 1;
			ctx.fill();
			ctx.stroke();
			if (!editing) paintText(ctx, shape);
			return;
		case 'text':
			if (!editing) paintText(ctx, shape);
			return;
	}
}

const overlaps = (a: Box, b: Box) => a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;

/** Paints one frame; returns how many shapes were in view. */
export function paintBoard(ctx: CanvasRenderingContext2D, frame: Frame): number {
	const { viewport: v, pixelRatio: r } = frame;
	ctx.setTransform(r, 0, 0, r, 0, 0);
	ctx.clearRect(0, 0, frame.width, frame.height);
	ctx.setTransform(r * v.zoom, 0, 0, r * v.zoom, -v.x * v.zoom * r, -v.y * v.zoom * r);
	ctx.lineCap = 'round';
	ctx.lineJoin = 'round';
	const view = { x: v.x, y: v.y, w: frame.width / v.zoom, h: frame.height / v.zoom };
	let painted = 0;
	for (const shape of frame.shapes) {
		if (!overlaps(paintBox(shape), view)) continue;
		paintShape(ctx, shape, shape.id === frame.editing);
		painted++;
	}
	ctx.setTransform(r, 0, 0, r, 0, 0);
	if (frame.selection) paintSelection(ctx, frame.selection, frame.handleSize);
	if (frame.band) {
		ctx.fillStyle = 'rgba(25, 113, 194, 0.08)';
		ctx.strokeStyle = '#1971c2';
		ctx.lineWidth = 1;
		ctx.fillRect(frame.band.x, frame.band.y, frame.band.w, frame.band.h);
		ctx.strokeRect(frame.band.x, frame.band.y, frame.band.w, frame.band.h);
	}
	return painted;
}

function paintSelection(ctx: CanvasRenderingContext2D, box: Box, size: number) {
	ctx.strokeStyle = '#1971c2';
	ctx.lineWidth = 1;
	ctx.setLineDash([4, 3]);
	ctx.strokeRect(box.x, box.y, box.w, box.h);
	ctx.setLineDash([]);
	ctx.fillStyle = '#ffffff';
	for (const handle of HANDLES) {
		const p = handlePoint(box, handle);
		ctx.fillRect(p.x - size, p.y - size, 2 * size, 2 * size);
		ctx.strokeRect(p.x - size, p.y - size, 2 * size, 2 * size);
	}
}
