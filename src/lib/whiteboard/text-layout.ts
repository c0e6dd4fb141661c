/**
 * How notes and text boxes lay out their text, shared by the SVG export and the canvas so both
 * wrap alike. Widths are estimated (no font metrics on the server): 0.6 em per character.
 */
import { fontSizeFor, type TextShape } from './shapes';

export const FONT_FAMILY = 'system-ui, sans-serif';
export const LINE_HEIGHT = 1.25;
const CHAR_WIDTH = 0.6;
/** The sticky note's look: a yellow card with a darker yellow border. */
export const NOTE_STYLE = { fill: '#fff3bf', border: '#f5c542', radius: 8, padding: 12 } as const;

/** `text` broken into lines of at most `maxChars`: at spaces where possible, inside words otherwise. */
export function wrapText(text: string, maxChars: number): string[] {
	const limit = Math.max(1, Math.floor(maxChars));
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(' ').filter(Boolean)) {
			let rest = word;
			if (line && line.length + 1 + rest.length <= limit) {
				line += ` ${rest}`;
				continue;
			}
			if (line) lines.push(line);
			while (rest.length > limit) {
				lines.push(rest.slice(0, limit));
				rest = rest.slice(limit);
			}
			line = rest;
		}
		lines.push(line);
	}
	return lines;
}

export interface TextLine {
	text: string;
	x: number;
	/** Baseline. */
	y: number;
}

export interface TextLayout {
	fontSize: number;
	lines: TextLine[];
}

/**
 * The lines of a note or text box in board coordinates. A note shows the lines that fit its
 * card, the last one ending in "…" when some are cut (replacing its last character if the
 * line is full); a text box shows them all.
 */
export function layoutText(shape: TextShape): TextLayout {
	const fontSize = fontSizeFor(shape.width);
	const inset = shape.kind === 'note' ? NOTE_STYLE.padding : 0;
	const step = fontSize * LINE_HEIGHT;
	const maxChars = Math.max(1, Math.floor((shape.w - 2 * inset) / (fontSize * CHAR_WIDTH)));
	let lines = wrapText(shape.text, maxChars);
	const fits = Math.max(1, Math.floor((shape.h - 2 * inset) / step));
	if (shape.kind === 'note' && lines.length > fits) {
		const last = lines[fits - 1];
		lines = [...lines.slice(0, fits - 1), `${last.length < maxChars ? last : last.slice(0, -1)}…`];
	}
	return {
		fontSize,
		lines: lines.map((text, i) => ({ text, x: shape.x + inset, y: shape.y + inset + fontSize + i * step }))
	};
}
