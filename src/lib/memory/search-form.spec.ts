import { describe, expect, it } from 'vitest';
import { clock, hitHref, readSearchForm, searchFilters, snippetParts } from './search-form';

describe('readSearchForm', () => {
	it.each([
		['', { q: '', speaker: '', kind: '', from: '', to: '' }],
		['q=launch&speaker=Ada&kind=chat&from=2026-12-01&to=2026-12-07', { q: 'launch', speaker: 'Ada', kind: 'chat', from: '2026-12-01', to: '2026-12-07' }],
		['q=x&kind=secret&from=yesterday&to=2026-13-45', { q: 'x', kind: '', from: '', to: '' }],
		[`q=${'a'.repeat(500)}`, { q: 'a'.repeat(200) }]
	])('%j', (query, expected) => expect(readSearchForm(new URLSearchParams(query))).toMatchObject(expected));
});

describe('searchFilters', () => {
	it('reads days in UTC, the last one inclusive; leaves out what is empty', () => {
		expect(searchFilters({ q: 'x', speaker: ' Ada ', kind: 'board', from: '2026-12-01', to: '2026-12-07' })).toEqual({
			speaker: 'Ada',
			kind: 'board',
			from: new Date('2026-12-01T00:00:00Z'),
			to: new Date('2026-12-08T00:00:00Z')
		});
		expect(searchFilters({ q: 'x', speaker: '  ', kind: '', from: '', to: '' })).toEqual({});
	});
});

it('hitHref opens the record at the whole second', () => {
	expect(hitHref({ roomCode: 'abc-defg-hij', sessionId: 's-1', at: 41.7 })).toBe('/abc-defg-hij/meetings/s-1?t=41');
});

it.each([
	[0, '0:00'],
	[41.7, '0:41'],
	[605, '10:05'],
	[3725, '1:02:05']
])('clock(%j) → %s', (seconds, expected) => {
	expect(clock(seconds)).toBe(expected);
});

describe('snippetParts: text to interpolate, never HTML', () => {
	it.each([
		['plain', [{ text: 'plain', mark: false }]],
		['the <mark>launch</mark> page', [{ text: 'the ', mark: false }, { text: 'launch', mark: true }, { text: ' page', mark: false }]],
		['&lt;script&gt; <mark>x</mark> &amp;amp;', [{ text: '<script> ', mark: false }, { text: 'x', mark: true }, { text: ' &amp;', mark: false }]],
		['<b>bold</b>', [{ text: '<b>bold</b>', mark: false }]]
	])('%j', (snippet, parts) => expect(snippetParts(snippet)).toEqual(parts));
});
