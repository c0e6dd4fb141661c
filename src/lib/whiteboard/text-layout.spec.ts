import { describe, expect, it } from 'vitest';
import { note, text } from './fixtures';
import { fontSizeFor } from './shapes';
import { layoutText, LINE_HEIGHT, NOTE_STYLE, wrapText } from './text-layout';

describe('wrapText to 10 characters', () => {
	it.each([
		['', ['']],
		['short', ['short']],
		['two words', ['two words']],
		['exactly ten', ['exactly', 'ten']],
		['one two three four', ['one two', 'three four']],
		['a\nb', ['a', 'b']],
		['a\n\nb', ['a', '', 'b']],
		['supercalifragilistic', ['supercalif', 'ragilistic']],
		['hi supercalifragilistic', ['hi', 'supercalif', 'ragilistic']],
		['spaces   collapse', ['spaces', 'collapse']]
	])('%j', (input, lines) => {
		expect(wrapText(input, 10)).toEqual(lines);
	});
});

describe('layoutText', () => {
	it('places text lines inside a note’s padding, one line height apart', () => {
		const layout = layoutText(note('n', [100, 200, 300, 300], 'one\ntwo'));
		const size = fontSizeFor(2);
		expect(layout.fontSize).toBe(size);
		expect(layout.lines).toEqual([
			{ text: 'one', x: 100 + NOTE_STYLE.padding, y: 200 + NOTE_STYLE.padding + size },
			{ text: 'two', x: 100 + NOTE_STYLE.padding, y: 200 + NOTE_STYLE.padding + size + size * LINE_HEIGHT }
		]);
	});

	it('cuts a note’s overflowing lines and marks the last shown one', () => {
		// 16 px font, 20 px lines: 2 lines fit in 70 − 2 × 12 px.
		const layout = layoutText(note('n', [0, 0, 300, 70], 'one\ntwo\nthree'));
		expect(layout.lines.map((l) => l.text)).toEqual(['one', 'two…']);
	});

	it('makes room for the ellipsis on a full line', () => {
		// 16 px font in 72 − 2 × 12 px: 5 characters a line, one line.
		const layout = layoutText(note('n', [0, 0, 72, 50], 'abcde fghij'));
		expect(layout.lines.map((l) => l.text)).toEqual(['abcd…']);
	});

	it('shows all of a text box’s lines, without padding', () => {
		const layout = layoutText(text('t', [0, 0, 300, 10], 'one\ntwo\nthree', { width: 8 }));
		expect(layout.fontSize).toBe(28);
		expect(layout.lines.map((l) => [l.text, l.x])).toEqual([['one', 0], ['two', 0], ['three', 0]]);
	});
});
