import { describe, expect, it } from 'vitest';
import { EngineBlockedError, EngineOutputError } from './engine-errors';
import { parseJsonAnswer, type AnswerSource } from './json-answer';

const source = (finish: string, cutOffAt?: string): AnswerSource => ({ service: 'Gemini', answer: "Gemini's answer", finish, cutOffAt });
const outcome = (text: string | null | undefined, from: AnswerSource) => {
	try {
		return { json: parseJsonAnswer(text, from) };
	} catch (error) {
		return { error };
	}
};

describe('parseJsonAnswer', () => {
	it.each<[string, string, unknown]>([
		['an object', '{"title":"Kick-off"}', { title: 'Kick-off' }],
		['an object among white space', '\n  {"title":"x"}\n', { title: 'x' }],
		['an array', '[1,2]', [1, 2]],
		['a bare string (the schema, not the parser, refuses it)', '"hi"', 'hi']
	])('%s → the parsed JSON', (_name, text, json) => {
		expect(parseJsonAnswer(text, source('STOP'))).toEqual(json);
	});

	it.each<[string, string | null | undefined, AnswerSource, typeof EngineBlockedError | typeof EngineOutputError, string]>([
		['no text', undefined, source('none'), EngineBlockedError, 'Gemini answered nothing (finish reason none)'],
		['null text', null, source('stop'), EngineBlockedError, 'Gemini answered nothing (finish reason stop)'],
		['white space only', ' \n\t', source('STOP'), EngineBlockedError, 'Gemini answered nothing (finish reason STOP)'],
		['prose', 'Here are the notes.', source('STOP'), EngineOutputError, "Gemini's answer is not JSON (finish reason STOP): Here are the notes."],
		['a cut-off object', '{"title": "Kick-', source('MAX_TOKENS', '256 output tokens'), EngineOutputError, `Gemini's answer was cut off at 256 output tokens: {"title": "Kick-`],
		['a long answer, quoted to 200 characters', 'x'.repeat(500), source('stop'), EngineOutputError, `Gemini's answer is not JSON (finish reason stop): ${'x'.repeat(200)}`]
	])('%s → %o', (_name, text, from, kind, message) => {
		const { error } = outcome(text, from);
		expect(error).toBeInstanceOf(kind);
		expect(error).toMatchObject({ message, status: undefined });
	});

	it("keeps JSON.parse's error as the cause", () => {
		const { error } = outcome('{', source('stop'));
		expect((error as Error).cause).toBeInstanceOf(SyntaxError);
	});
});
