import { describe, expect, it } from 'vitest';
import { clampLimit, escapeHtml, likeContains, MAX_QUERY_CHARS, MAX_TERMS, parseQuery, safeSnippet, searchConfigFor } from './search-query';

describe('searchConfigFor: a meeting language → its text-search configuration', () => {
	it.each([
		['fr', 'en', 'french'],
		['de-CH', 'en', 'german'],
		['ES', 'en', 'spanish'],
		['en', 'fr', 'english'],
		[null, 'fr', 'french'],
		[null, 'en', 'english'],
		[null, '', 'simple'],
		['auto', 'en', 'simple'],
		['nl', 'en', 'simple'],
		['', 'de', 'simple']
	])('room %j, server %j → %s', (room, server, expected) => expect(searchConfigFor(room, server)).toBe(expected));
});

describe('parseQuery: websearch style', () => {
	it.each([
		['launch date', ['launch', 'date'], ['date'], []],
		['  "product launch"  March ', ['product launch', 'March'], ['March'], []],
		['launch -Denver', ['launch'], ['launch'], ['Denver']],
		['launch or delay', ['launch', 'delay'], ['delay'], []],
		['"or"', ['or'], [], []],
		['who? when!', ['who', 'when'], ['when'], []],
		['Zoë déménagement', ['Zoë', 'déménagement'], ['déménagement'], []],
		['a be cat', ['a', 'be', 'cat'], ['cat'], []],
		['cat be', ['cat', 'be'], [], []],
		['launch launch', ['launch'], ['launch'], []],
		['<script>', ['script'], ['script'], []],
		['"unclosed phrase', ['unclosed phrase'], [], []],
		['', [], [], []]
	])('%j', (raw, terms, prefixes, excluded) => {
		expect(parseQuery(raw)).toMatchObject({ terms, prefixes, excluded });
	});

	it('bounds the query and its terms', () => {
		const long = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
		const parsed = parseQuery(long);
		expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
		expect(parsed.terms).toHaveLength(MAX_TERMS);
	});
});

describe('clampLimit', () => {
	it.each([
		[undefined, 20],
		[0, 1],
		[7.9, 7],
		[50, 50],
		[10_000, 50],
		[Number.NaN, 20]
	])('%j → %j', (limit, expected) => expect(clampLimit(limit)).toBe(expected));
});

describe('snippets hold no markup but <mark>', () => {
	it('escapes what HTML would read', () => {
		expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
	});

	it.each([
		['a <mark>launch</mark> &lt;b&gt;', 'a launch <b>', 'a <mark>launch</mark> &lt;b&gt;'],
		['a <b>launch</b>', 'a <b>launch</b>', 'a &lt;b&gt;launch&lt;/b&gt;'],
		['<mark onclick=x>launch</mark>', 'launch', 'launch'],
		[null, 'x < y', 'x &lt; y']
	])('%j → %j', (snippet, text, expected) => expect(safeSnippet(snippet, text)).toBe(expected));
});

describe('likeContains', () => {
	it('matches what was typed, wildcards included', () => {
		expect(likeContains('Ada')).toBe('%Ada%');
		expect(likeContains('50%_\\')).toBe('%50\\%\\_\\\\%');
	});
});
