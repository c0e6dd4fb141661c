/**
 * The whiteboard's shapes and the rules every stored shape obeys. The browser builds shapes from
 * these types; the server runs `parseShape` on every shape a client sends and refuses garbage.
 *
 * Coordinates are board units (1 unit = 1 CSS px at zoom 1). A pen stroke stores its points
 * relative to its origin `x`/`y`, so moving a stroke rewrites two numbers, not thousands.
 */
import { z } from 'zod';

/** Ink colours by name, so a dark theme can map them to other hues. */
export const COLORS = ['black', 'grey', 'red', 'orange', 'green', 'blue', 'violet'] as const;
export type Color = (typeof COLORS)[number];

/** How each colour is drawn on the light board. */
export const COLOR_HEX: Record<Color, string> = {
	black: '#1e1e1e',
	grey: '#868e96',
	red: '#e03131',
	orange: '#f08c00',
	green: '#2f9e44',
	blue: '#1971c2',
	violet: '#9c36b5'
};

/** Stroke widths in board units; notes and text take their font size from it. */
export const STROKE_WIDTHS = [2, 4, 8, 16] as const;
export type StrokeWidth = (typeof STROKE_WIDTHS)[number];

const FONT_SIZES: Record<StrokeWidth, number> = { 2: 16, 4: 20, 8: 28, 16: 40 };

/** Font size of a note or text drawn with `width`. */
export function fontSizeFor(width: StrokeWidth): number {
	return FONT_SIZES[width];
}

export const SHAPE_LIMITS = {
	maxPoints: 5000,
	maxTextLength: 2000,
	/** Every point and every box corner lies within ±maxCoordinate. */
	maxCoordinate: 100_000,
	/** z-order keys grow by one per "bring to front"; this bound is never reached in use. */
	maxZ: 1e15,
	maxAuthorLength: 200
} as const;

const L = SHAPE_LIMITS;
const coordinate = z.number().min(-L.maxCoordinate).max(L.maxCoordinate);
const size = z.number().min(0).max(2 * L.maxCoordinate);
// XML 1.0 cannot carry these characters; refusing them keeps the SVG export well-formed.
const xmlSafe = (s: string) => ![...s].some((c) => (c < ' ' && !'\t\n\r'.includes(c)) || c === '\uFFFE' || c === '\uFFFF');
const text = z.string().max(L.maxTextLength).refine(xmlSafe, 'characters XML cannot carry');

const isOffset = (v: unknown) => typeof v === 'number' && Math.abs(v) <= 2 * L.maxCoordinate;
const isPressure = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;

// A plain loop, not a zod tuple per point: strokes hold thousands of points, and the server
// checks a stroke on every update that grows it.
function isPointList(value: unknown): boolean {
	if (!Array.isArray(value) || value.length < 1 || value.length > L.maxPoints) return false;
	for (const point of value) {
		if (!Array.isArray(point) || point.length !== 3) return false;
		if (!isOffset(point[0]) || !isOffset(point[1]) || !isPressure(point[2])) return false;
	}
	return true;
}

const common = {
	id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
	color: z.enum(COLORS),
	width: z.literal(STROKE_WIDTHS),
	z: z.number().min(-L.maxZ).max(L.maxZ),
	/** The participant identity that drew the shape. */
	author: z.string().min(1).max(L.maxAuthorLength),
	/** Milliseconds since the epoch. */
	createdAt: z.number().int().min(0)
};
const position = { x: coordinate, y: coordinate };
const box = { ...position, w: size, h: size };

const penSchema = z.strictObject({
	...common,
	kind: z.literal('pen'),
	...position,
	/** [dx, dy, pressure 0–1] relative to x/y. */
	points: z.custom<PenPoint[]>(isPointList, 'points: 1 to maxPoints of [dx, dy, pressure 0–1]')
});
const ends = { x1: coordinate, y1: coordinate, x2: coordinate, y2: coordinate };
const lineSchema = z.strictObject({ ...common, kind: z.literal('line'), ...ends });
const arrowSchema = z.strictObject({ ...common, kind: z.literal('arrow'), ...ends });
const rectSchema = z.strictObject({ ...common, kind: z.literal('rect'), ...box, filled: z.boolean() });
const ellipseSchema = z.strictObject({ ...common, kind: z.literal('ellipse'), ...box, filled: z.boolean() });
const noteSchema = z.strictObject({ ...common, kind: z.literal('note'), ...box, text });
const textSchema = z.strictObject({ ...common, kind: z.literal('text'), ...box, text });
const shapeSchema = z.discriminatedUnion('kind', [
	penSchema,
	lineSchema,
	arrowSchema,
	rectSchema,
	ellipseSchema,
	noteSchema,
	textSchema
]);

export type PenPoint = [dx: number, dy: number, pressure: number];
export type PenShape = z.infer<typeof penSchema>;
/** A line or an arrow from (x1, y1) to (x2, y2); an arrow's head is at (x2, y2). */
export type LineShape = z.infer<typeof lineSchema> | z.infer<typeof arrowSchema>;
/** A rectangle or an ellipse inscribed in its box; `filled` also makes its inside hit. */
export type OutlineShape = z.infer<typeof rectSchema> | z.infer<typeof ellipseSchema>;
/** A sticky note (yellow card) or free text; both wrap their text to the box width. */
export type TextShape = z.infer<typeof noteSchema> | z.infer<typeof textSchema>;
export type Shape = z.infer<typeof shapeSchema>;
export type ShapeKind = Shape['kind'];
export type BoxShape = OutlineShape | TextShape;

/** Fields fixed at creation: an update never changes them. */
export const IMMUTABLE_FIELDS = ['id', 'kind', 'author', 'createdAt'] as const;
type Editable<S> = Omit<S, (typeof IMMUTABLE_FIELDS)[number]>;
/** Any editable fields; `updateShape` refuses fields the shape's kind does not have. */
export type ShapePatch = Partial<Editable<PenShape> & Editable<LineShape> & Editable<OutlineShape> & Editable<TextShape>>;

const inRange = (v: number) => Math.abs(v) <= L.maxCoordinate;

function onBoard(shape: Shape): boolean {
	if (shape.kind === 'pen') return shape.points.every(([dx, dy]) => inRange(shape.x + dx) && inRange(shape.y + dy));
	if (shape.kind === 'line' || shape.kind === 'arrow') return true;
	return inRange(shape.x + shape.w) && inRange(shape.y + shape.h);
}

/** The shape if `value` is a valid shape lying on the board, else null. Never throws. */
export function parseShape(value: unknown): Shape | null {
	const parsed = shapeSchema.safeParse(value);
	return parsed.success && onBoard(parsed.data) ? parsed.data : null;
}

/** A pen stroke's points in board coordinates. */
export function absolutePoints(pen: PenShape): PenPoint[] {
	return pen.points.map(([dx, dy, p]) => [pen.x + dx, pen.y + dy, p]);
}

/** A random shape id (16 base-36 chars); works in insecure contexts, unlike randomUUID. */
export function newShapeId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
