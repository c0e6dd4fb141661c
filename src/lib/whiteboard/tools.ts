/**
 * The whiteboard toolbar: tools, their single-key shortcuts (Excalidraw-like) and the colour
 * and width a new shape starts with.
 */
import { m } from '#lib/paraglide/messages';
import { COLORS, STROKE_WIDTHS, type Color, type ShapeKind, type StrokeWidth } from './shapes';

export type ToolId = 'select' | 'hand' | 'pen' | 'line' | 'arrow' | 'rect' | 'ellipse' | 'note' | 'text' | 'eraser';

export interface Tool {
	id: ToolId;
	/** Lower-case `KeyboardEvent.key` that selects it. */
	key: string;
	/** The kind of shape it draws, if it draws one. */
	draws: ShapeKind | null;
}

/** In toolbar order. */
export const TOOLS: readonly Tool[] = [
	{ id: 'select', key: 'v', draws: null },
	{ id: 'hand', key: 'h', draws: null },
	{ id: 'pen', key: 'p', draws: 'pen' },
	{ id: 'line', key: 'l', draws: 'line' },
	{ id: 'arrow', key: 'a', draws: 'arrow' },
	{ id: 'rect', key: 'r', draws: 'rect' },
	{ id: 'ellipse', key: 'o', draws: 'ellipse' },
	{ id: 'note', key: 'n', draws: 'note' },
	{ id: 'text', key: 't', draws: 'text' },
	{ id: 'eraser', key: 'e', draws: null }
];

/** What each tool is called, in the reader's language. */
const TOOL_LABELS: Record<ToolId, () => string> = {
	select: m.board_tool_select,
	hand: m.board_tool_hand,
	pen: m.board_tool_pen,
	line: m.board_tool_line,
	arrow: m.board_tool_arrow,
	rect: m.board_tool_rect,
	ellipse: m.board_tool_ellipse,
	note: m.board_tool_note,
	text: m.board_tool_text,
	eraser: m.board_tool_eraser
};

/** A tool's name, e.g. "Rectangle". */
export function toolLabel(tool: Tool): string {
	return TOOL_LABELS[tool.id]();
}

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
	return m.board_tool_title({ tool: toolLabel(tool), key: tool.key.toUpperCase() });
}

export const PALETTE: readonly Color[] = COLORS;
export const WIDTHS: readonly StrokeWidth[] = STROKE_WIDTHS;

const COLOR_NAMES: Record<Color, () => string> = {
	black: m.board_color_black,
	grey: m.board_color_grey,
	red: m.board_color_red,
	orange: m.board_color_orange,
	green: m.board_color_green,
	blue: m.board_color_blue,
	violet: m.board_color_violet
};

/** A colour's name for the palette's labels ("red"), in the reader's language. */
export function colorName(color: Color): string {
	return COLOR_NAMES[color]();
}
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
