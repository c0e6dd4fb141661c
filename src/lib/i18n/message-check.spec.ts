import { describe, expect, it } from 'vitest';
import { checkMessages, variablesOf } from './message-check';

const plural = (one: string, other: string) => [{ declarations: ['input count', 'local n = count: plural'], selectors: ['n'], match: { 'n=one': one, 'n=*': other } }];

describe('checkMessages', () => {
	const cases: [string, Record<string, Record<string, Record<string, unknown>>>, string[]][] = [
		['all present', { en: { a: { hi: 'Hi {name}' } }, fr: { a: { hi: 'Salut {name}' } } }, []],
		['a key missing in one language', { en: { a: { hi: 'Hi', bye: 'Bye' } }, de: { a: { hi: 'Hallo' } } }, ['de a bye missing']],
		['a whole file missing', { en: { a: { hi: 'Hi' } }, es: {} }, ['es a hi missing']],
		['an empty translation', { en: { a: { hi: 'Hi' } }, fr: { a: { hi: '  ' } } }, ['fr a hi empty']],
		['a variable renamed', { en: { a: { hi: 'Hi {name}' } }, fr: { a: { hi: 'Salut {nom}' } } }, ['fr a hi variables']],
		['a key only a translation has', { en: { a: { hi: 'Hi' } }, fr: { a: { hi: 'Salut', extra: 'x' } } }, ['fr a extra extra']],
		['plurals compared by their variables', { en: { a: { n: plural('{count} item', '{count} items') } }, fr: { a: { n: plural('{count} élément', '{count} éléments') } } }, []],
		['$schema ignored', { en: { a: { $schema: 'x', hi: 'Hi' } }, fr: { a: { hi: 'Salut' } } }, []]
	];
	it.each(cases)('%s', (_name, files, expected) => {
		expect(checkMessages(files, 'en').map((p) => `${p.locale} ${p.file} ${p.key} ${p.problem}`)).toEqual(expected);
	});
});

describe('variablesOf', () => {
	it.each([
		['Hi {name}, {count}', ['count', 'name']],
		['Use \\{literal\\}', []],
		[plural('{count} one', '{count} more'), ['count']]
	] as const)('%j', (message, expected) => {
		expect(variablesOf(message)).toEqual(expected);
	});
});
