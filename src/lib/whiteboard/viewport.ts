/**
 * Pan and zoom: which part of the board the screen shows. Screen points are CSS px from the
 * canvas's top-left corner; board points are board units.
 */
import { paintBox, unionBox, type Point } from './geometry';
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
