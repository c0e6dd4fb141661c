/**
 * The board as a standalone SVG document: the export download and the record page's final
 * board. It is also the reference for how the canvas draws each kind. Every shape becomes one
 * `<g data-id data-kind>`; user text is XML-escaped.
 */
import { arrowHead, paintBox, unionBox, type Box } from './geometry';
import { outlineToSvgPath, penOutline } from './pen';
import { COLOR_HEX, type Shape, type TextShape } from './shapes';
import { FONT_FAMILY, layoutText, NOTE_STYLE } from './text-layout';

/** Opacity of a filled rectangle's or ellipse's inside (its outline is opaque). */
export const FILL_OPACITY = 0.25;

export interface SvgOptions {
	/** Board units around the content. */
	padding?: number;
	/** A CSS colour, or null for a transparent background. */
	background?: string | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `value` safe inside XML text and attribute values. */
export function escapeXml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const n = (v: number) => String(Math.round(v * 100) / 100);

function attrs(values: Record<string, string | number>): string {
	return Object.entries(values)
		.map(([key, value]) => ` ${key}="${escapeXml(typeof value === 'number' ? n(value) : value)}"`)
		.join('');
}

function text(shape: TextShape): string {
	const { fontSize, lines } = layoutText(shape);
	const spans = lines.map((line) => `<tspan${attrs({ x: line.x, y: line.y })}>${escapeXml(line.text)}</tspan>`);
	const style = { 'font-family': FONT_FAMILY, 'font-size': fontSize, fill: COLOR_HEX[shape.color] };
	return `<text${attrs(style)}>${spans.join('')}</text>`;
}

function body(shape: Shape): string {
	const ink = COLOR_HEX[shape.color];
	const stroke = { stroke: ink, 'stroke-width': shape.width, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };
	const fill = (filled: boolean) => ({ fill: filled ? ink : 'none', 'fill-opacity': FILL_OPACITY });
	switch (shape.kind) {
		case 'pen':
			return `<path${attrs({ d: outlineToSvgPath(penOutline(shape)), fill: ink })}/>`;
		case 'line':
			return `<line${attrs({ x1: shape.x1, y1: shape.y1, x2: shape.x2, y2: shape.y2, ...stroke })}/>`;
		case 'arrow': {
			const [left, right] = arrowHead(shape);
			const head = [left, { x: shape.x2, y: shape.y2 }, right].map((p) => `${n(p.x)},${n(p.y)}`).join(' ');
			const line = `<line${attrs({ x1: shape.x1, y1: shape.y1, x2: shape.x2, y2: shape.y2, ...stroke })}/>`;
			return `${line}<polyline${attrs({ points: head, fill: 'none', ...stroke })}/>`;
		}
		case 'rect':
			return `<rect${attrs({ x: shape.x, y: shape.y, width: shape.w, height: shape.h, ...fill(shape.filled), ...stroke })}/>`;
		case 'ellipse': {
			const ellipse = { cx: shape.x + shape.w / 2, cy: shape.y + shape.h / 2, rx: shape.w / 2, ry: shape.h / 2 };
			return `<ellipse${attrs({ ...ellipse, ...fill(shape.filled), ...stroke })}/>`;
		}
		case 'note': {
			const { fill: noteFill, border, radius } = NOTE_STYLE;
			const card = { x: shape.x, y: shape.y, width: shape.w, height: shape.h, rx: radius, fill: noteFill, stroke: border };
			return `<rect${attrs(card)}/>${text(shape)}`;
		}
		case 'text':
			return text(shape);
	}
}

/** The SVG element for one shape. */
export function shapeToSvg(shape: Shape): string {
	return `<g${attrs({ 'data-id': shape.id, 'data-kind': shape.kind })}>${body(shape)}</g>`;
}

/** A complete SVG document of `shapes` (bottom first, as readShapes returns them), cropped to fit. */
export function boardToSvg(shapes: Shape[], { padding = 32, background = '#ffffff' }: SvgOptions = {}): string {
	const content: Box = unionBox(shapes.map(paintBox)) ?? { x: 0, y: 0, w: 0, h: 0 };
	const view = { x: content.x - padding, y: content.y - padding, w: content.w + 2 * padding, h: content.h + 2 * padding };
	const size = { width: Math.max(1, view.w), height: Math.max(1, view.h) };
	const viewBox = [view.x, view.y, size.width, size.height].map(n).join(' ');
	const backdrop = background ? `<rect${attrs({ x: view.x, y: view.y, ...size, fill: background })}/>` : '';
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<svg xmlns="http://www.w3.org/2000/svg"${attrs({ viewBox, ...size })}>`,
		backdrop,
		...shapes.map(shapeToSvg),
		'</svg>'
	].join('\n');
}
