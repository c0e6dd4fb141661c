import { describe, expect, it } from 'vitest';
import { cleanDisplayName, nameKey } from './display-name';

describe('cleanDisplayName', () => {
	it.each([
		['a plain name', 'Ada Lovelace', 'Ada Lovelace'],
		['surrounding and repeated spaces', '  Ada \t  Lovelace  ', 'Ada Lovelace'],
		['a right-to-left override (reads "Host")', '\u202Etsoh\u202C', 'tsoh'],
		['isolates and marks', '\u2066Ada\u2069\u200F', 'Ada'],
		['control characters and a newline', 'Ada\u0000\u0007\nLovelace', 'Ada Lovelace'],
		['zero-width and BOM', 'A\u200Bd\uFEFFa', 'Ada'],
		['a Hangul filler that looks empty', '\u3164', ''],
		['only invisible characters', '\u200B\u200E\u202E', ''],
		['an emoji family keeps its joiners', 'Sam 👨‍👩‍👧', 'Sam 👨‍👩‍👧'],
		['Persian keeps its non-joiner', 'می‌خواهم', 'می‌خواهم'],
		['accents composed (NFC)', 'Zoe\u0301', 'Zoé']
	])('%s', (_name, raw, cleaned) => {
		expect(cleanDisplayName(raw)).toBe(cleaned);
	});
});

describe('nameKey: names that read the same', () => {
	it.each([
		['Hana Host', 'hana host', true],
		['Hana Host', 'HANA  HOST', true],
		['Hana Host', 'ＨＡＮＡ ＨＯＳＴ', true],
		['Hana Host', 'Hana\u200B Host', true],
		['Hana Host', 'Hana Hosts', false],
		['Ada', 'Adam', false]
	])('%s ~ %s → %s', (a, b, same) => {
		expect(nameKey(a) === nameKey(b)).toBe(same);
	});
});
