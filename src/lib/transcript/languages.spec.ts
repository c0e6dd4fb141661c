import { describe, expect, it } from 'vitest';
import { insightsLanguage, isSpokenLanguageSetting, languageCode, whisperLanguage, WHISPER_LANGUAGES } from './languages';

describe('languageCode', () => {
	it.each([
		['English', 'en'],
		['english', 'en'],
		['en', 'en'],
		['haitian creole', 'ht'],
		['klingon', 'klingon']
	])('%s → %s', (name, code) => {
		expect(languageCode(name)).toBe(code);
	});
});

describe('a room’s spoken language', () => {
	it.each([
		// setting, server default → what Whisper is asked, what the insights are written in
		['the server default (English)', null, 'en', 'en', 'English'],
		['the server default left empty: detect', null, '', undefined, null],
		['detect', 'auto', 'en', undefined, null],
		['French', 'fr', 'en', 'fr', 'French'],
		['German over a French server default', 'de', 'fr', 'de', 'German']
	])('%s', (_name, setting, serverDefault, whisper, insights) => {
		expect(whisperLanguage(setting, serverDefault)).toBe(whisper);
		expect(insightsLanguage(setting, serverDefault)).toBe(insights);
	});

	it.each([
		[null, true],
		['auto', true],
		['es', true],
		['xx', false],
		['', false]
	])('%s may be a room setting: %s', (setting, ok) => {
		expect(isSpokenLanguageSetting(setting)).toBe(ok);
	});

	it('names every language in English, capitalised', () => {
		expect(WHISPER_LANGUAGES.find((l) => l.code === 'ht')?.name).toBe('Haitian creole');
		expect(WHISPER_LANGUAGES.length).toBeGreaterThan(90);
	});
});
