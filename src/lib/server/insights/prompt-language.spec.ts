import { describe, expect, it } from 'vitest';
import { combinePrompt, notesPrompt, PROMPT_VERSION, promptVersion, tasksPrompt } from './prompt';
import { citationId } from './verify-insights';

describe('the insights are written in the meeting’s language', () => {
	it.each([
		['English by default', undefined, 'Write in English, briefly'],
		['a room set to French', 'French', 'Write in French, briefly'],
		['a room that lets Whisper detect it', null, 'Write in the language the meeting was held in, briefly']
	])('%s', (_name, language, says) => {
		const notes = language === undefined ? notesPrompt([], ['Ada']) : notesPrompt([], ['Ada'], undefined, language);
		const combined = language === undefined ? combinePrompt([], ['Ada']) : combinePrompt([], ['Ada'], language);
		expect(notes.system).toContain(says);
		expect(combined.system).toContain(says);
	});

	it.each([
		['English keeps the version results were stored under', 'English', PROMPT_VERSION],
		['another language is another result', 'German', `${PROMPT_VERSION}:German`],
		['the meeting’s own language', null, `${PROMPT_VERSION}:spoken`]
	])('%s', (_name, language, version) => {
		expect(promptVersion(language)).toBe(version);
	});
});

describe('the focused request for decisions and action items', () => {
	it('is written in the meeting’s language and its worked example cannot be cited', () => {
		const { system } = tasksPrompt([], ['Ada'], undefined, 'French');
		expect(system).toContain('Write in French.');
		const exampleIds = [...system.matchAll(/\[(E\d+) /g)].map((m) => m[1]!);
		expect(exampleIds.length).toBeGreaterThan(0);
		expect(exampleIds.map(citationId)).toEqual(exampleIds.map(() => null));
	});
});
