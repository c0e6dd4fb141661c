/** Shape builders for the whiteboard specs: valid shapes, overridable field by field. */
import type { LineShape, OutlineShape, PenPoint, PenShape, TextShape } from './shapes';

const base = { color: 'black', width: 2, z: 0, author: 'ada', createdAt: 1_700_000_000_000 } as const;

export function pen(id: string, x: number, y: number, points: PenPoint[], extra: Partial<PenShape> = {}): PenShape {
	return { ...base, id, kind: 'pen', x, y, points, ...extra };
}

export function line(id: string, ends: [number, number, number, number], extra: Partial<LineShape> = {}): LineShape {
	const [x1, y1, x2, y2] = ends;
	return { ...base, id, kind: 'line', x1, y1, x2, y2, ...extra } as LineShape;
}

export function arrow(id: string, ends: [number, number, number, number], extra: Partial<LineShape> = {}): LineShape {
	return line(id, ends, { kind: 'arrow', ...extra });
}

type BoxArgs = [number, number, number, number];

export function rect(id: string, [x, y, w, h]: BoxArgs, extra: Partial<OutlineShape> = {}): OutlineShape {
	return { ...base, id, kind: 'rect', x, y, w, h, filled: false, ...extra } as OutlineShape;
}

export function ellipse(id: string, box: BoxArgs, extra: Partial<OutlineShape> = {}): OutlineShape {
	return rect(id, box, { kind: 'ellipse', ...extra });
}

export function note(id: string, [x, y, w, h]: BoxArgs, text: string, extra: Partial<TextShape> = {}): TextShape {
	return { ...base, id, kind: 'note', x, y, w, h, text, ...extra } as TextShape;
}

export function text(id: string, box: BoxArgs, content: string, extra: Partial<TextShape> = {}): TextShape {
	return note(id, box, content, { kind: 'text', ...extra });
}
