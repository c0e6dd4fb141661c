/**
 * The whiteboard toolbar: tools, their single-key shortcuts (Excalidraw-like) and the colour
 * and width a new shape starts with.
 */
import { COLORS, STROKE_WIDTHS, type Color, type ShapeKind, type StrokeWidth } from './shapes';

export type ToolId = 'select' | 'hand' | 'pen' | 'line' | 'arrow' | 'rect' | 'ellipse' | 'note' | 'text' | 'eraser';

export interface Tool {
	id: ToolId;
	label: string;
	/** Lower-case `KeyboardEvent.key` that selects it. */
	key: string;
	/** The kind of shape it draws, if it draws one. */
	draws: ShapeKind | null;
}

/** In toolbar order. */
export const TOOLS: readonly Tool[] = [
	{ id: 'select', label: 'Select', key: 'v', draws: null },
	{ id: 'hand', label: 'Pan', key: 'h', draws: null },
	{ id: 'pen', label: 'Pen', key: 'p', draws: 'pen' },
	{ id: 'line', label: 'Line', key: 'l', draws: 'line' },
	{ id: 'arrow', label: 'Arrow', key: 'a', draws: 'arrow' },
	{ id: 'rect', label: 'Rectangle', key: 'r', draws: 'rect' },
	{ id: 'ellipse', label: 'Ellipse', key: 'o', draws: 'ellipse' },
	{ id: 'note', label: 'Sticky note', key: 'n', draws: 'note' },
	{ id: 'text', label: 'Text', key: 't', draws: 'text' },
	{ id: 'eraser', label: 'Eraser', key: 'e', draws: null }
];

/**
 * The tool a key press selects, or null. Takes `KeyboardEvent.key`, either case; the caller
 * skips presses with Ctrl/Meta/Alt and presses while a text field has focus.
 */
export function toolForKey(key: string): ToolId | null {
	const lower = key.toLowerCase();
	return TOOLS.find((tool) => tool.key === lower)?.id ?? null;
}

/** Tooltip text, e.g. "Rectangle (R)". */
export function toolTitle(tool: Tool): string {
	return `${tool.label} (${tool.key.toUpperCase()})`;
}

export const PALETTE: readonly Color[] = COLORS;
export const WIDTHS: readonly StrokeWidth[] = STROKE_WIDTHS;
export const DEFAULT_COLOR: Color = 'black';
/** Pens draw medium; shapes and notes start at the thinnest width (notes: the smallest font). */
export function defaultWidth(tool: ToolId): StrokeWidth {
	return tool === 'pen' ? 4 : 2;
}

/** The pen keeps a width of its own; every other tool shares one. */
export type WidthSlot = 'pen' | 'shape';

export function widthSlot(tool: ToolId): WidthSlot {
	return tool === 'pen' ? 'pen' : 'shape';
}

/** The widths the editor starts with, one for each slot. */
export function defaultWidths(): Record<WidthSlot, StrokeWidth> {
	return { pen: defaultWidth('pen'), shape: defaultWidth('rect') };
}
