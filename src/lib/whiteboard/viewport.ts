/**
 * Pan and zoom: which part of the board the screen shows. Screen points are CSS px from the
 * canvas's top-left corner; board points are board units.
 */
import { paintBox, unionBox, type Box, type Point } from './geometry';
import type { Shape } from './shapes';

/** The board point at the screen's top-left corner, and screen px per board unit. */
export interface Viewport {
	x: number;
	y: number;
	zoom: number;
}

export interface ScreenSize {
	width: number;
	height: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 8;
export const DEFAULT_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 };

const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

export function screenToBoard(viewport: Viewport, p: Point): Point {
	return { x: viewport.x + p.x / viewport.zoom, y: viewport.y + p.y / viewport.zoom };
}

export function boardToScreen(viewport: Viewport, p: Point): Point {
	return { x: (p.x - viewport.x) * viewport.zoom, y: (p.y - viewport.y) * viewport.zoom };
}

/** The viewport after dragging the board by `screenDelta` px (hand tool, two-finger scroll). */
export function panBy(viewport: Viewport, screenDelta: Point): Viewport {
	return { ...viewport, x: viewport.x - screenDelta.x / viewport.zoom, y: viewport.y - screenDelta.y / viewport.zoom };
}

/** Zooms by `factor` (clamped to MIN_ZOOM–MAX_ZOOM) keeping the board point under `screenPoint` there. */
export function zoomAt(viewport: Viewport, factor: number, screenPoint: Point): Viewport {
	const zoom = clampZoom(viewport.zoom * factor);
	const anchor = screenToBoard(viewport, screenPoint);
	return { x: anchor.x - screenPoint.x / zoom, y: anchor.y - screenPoint.y / zoom, zoom };
}

/**
 * The viewport showing every shape centred with `padding` px around it, never zoomed in past
 * 100% (a lone dot should not fill the screen). An empty board gets DEFAULT_VIEWPORT.
 */
export function fitToContent(shapes: Shape[], screen: ScreenSize, padding = 48): Viewport {
	const content = unionBox(shapes.map(paintBox));
	if (!content) return DEFAULT_VIEWPORT;
	const room = (side: number) => Math.max(1, side - 2 * padding);
	const fit = Math.min(room(screen.width) / Math.max(content.w, 1), room(screen.height) / Math.max(content.h, 1));
	const zoom = clampZoom(Math.min(1, fit));
	return {
		x: content.x + content.w / 2 - screen.width / 2 / zoom,
		y: content.y + content.h / 2 - screen.height / 2 / zoom,
		zoom
	};
}

/** A board box in screen px. */
export function boxToScreen(viewport: Viewport, box: Box): Box {
	const a = boardToScreen(viewport, { x: box.x, y: box.y });
	const b = boardToScreen(viewport, { x: box.x + box.w, y: box.y + box.h });
	return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
}

/** The zoom factor of a wheel turn (`lines`: deltaY counts lines, not px); with Ctrl (a trackpad pinch) it zooms faster. */
export function wheelZoom(deltaY: number, lines: boolean, ctrl: boolean): number {
	const px = Math.max(-200, Math.min(200, lines ? deltaY * 16 : deltaY));
	return Math.exp(-px * (ctrl ? 0.01 : 0.0015));
}

/** Two fingers as they first touched: their distance and middle (screen px), and the viewport then. */
export interface Pinch {
	distance: number;
	middle: Point;
	viewport: Viewport;
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

export function startPinch(a: Point, b: Point, viewport: Viewport): Pinch {
	return { distance: Math.max(1, distance(a, b)), middle: midpoint(a, b), viewport };
}

/** The viewport with the fingers now at `a` and `b`: zoomed by how far they spread, panned with their middle. */
export function pinchTo(pinch: Pinch, a: Point, b: Point): Viewport {
	const middle = midpoint(a, b);
	const zoomed = zoomAt(pinch.viewport, distance(a, b) / pinch.distance, pinch.middle);
	return panBy(zoomed, { x: middle.x - pinch.middle.x, y: middle.y - pinch.middle.y });
}
