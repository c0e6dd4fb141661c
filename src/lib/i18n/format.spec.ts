import { describe, expect, it } from 'vitest';
import { formatDateTime, INTERFACE_LANGUAGES, languageName } from './format';

describe('INTERFACE_LANGUAGES', () => {
	it('lists every locale the messages have, each named in itself', () => {
		expect(INTERFACE_LANGUAGES).toEqual([
			{ locale: 'en', name: 'English' },
			{ locale: 'fr', name: 'Français' },
			{ locale: 'de', name: 'Deutsch' },
			{ locale: 'es', name: 'Español' }
		]);
	});
});

describe('languageName and formatDateTime', () => {
	it.each([
		['fr', 'en', 'French'],
		['fr', 'de', 'Französisch'],
		['xx-not-a-code!', 'en', 'xx-not-a-code!']
	])('%s read in %s is %s', (code, locale, name) => {
		expect(languageName(code, locale)).toBe(name);
	});
	it('writes a date in the reader’s language', () => {
		expect(formatDateTime('2026-12-06T12:00:00Z', 'fr')).toMatch(/déc\./);
		expect(formatDateTime('2026-12-06T12:00:00Z', 'en')).toMatch(/Dec/);
	});
});
