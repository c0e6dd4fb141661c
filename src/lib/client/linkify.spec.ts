import { describe, expect, it } from 'vitest';
import { linkify, type TextPart } from './linkify';

const t = (text: string): TextPart => ({ kind: 'text', text });
const l = (url: string): TextPart => ({ kind: 'link', text: url, href: url });

describe('linkify', () => {
	const cases: [string, string, TextPart[]][] = [
		['empty text', '', []],
		['plain text', 'hello there', [t('hello there')]],
		['a lone link', 'https://example.com', [l('https://example.com')]],
		['http too', 'see http://example.com/a?b=c#d now', [t('see '), l('http://example.com/a?b=c#d'), t(' now')]],
		['two links', 'https://a.io and https://b.io', [l('https://a.io'), t(' and '), l('https://b.io')]],
		['trailing full stop', 'Go to https://example.com.', [t('Go to '), l('https://example.com'), t('.')]],
		['trailing comma and !?', 'https://a.io/x, https://b.io!?', [l('https://a.io/x'), t(', '), l('https://b.io'), t('!?')]],
		['in parentheses', '(see https://example.com/docs)', [t('(see '), l('https://example.com/docs'), t(')')]],
		['balanced parentheses kept', 'https://en.wikipedia.org/wiki/Foo_(bar)', [l('https://en.wikipedia.org/wiki/Foo_(bar)')]],
		['in quotes', '"https://example.com"', [t('"'), l('https://example.com'), t('"')]],
		['in angle brackets', '<https://example.com>', [t('<'), l('https://example.com'), t('>')]],
		['upper-case scheme', 'HTTPS://EXAMPLE.COM', [l('HTTPS://EXAMPLE.COM')]],
		['javascript: is text', 'javascript:alert(1)', [t('javascript:alert(1)')]],
		['data: is text', 'data:text/html,<script>alert(1)</script>', [t('data:text/html,<script>alert(1)</script>')]],
		['scheme glued to a word is text', 'xhttps://evil.example', [t('xhttps://evil.example')]],
		['no host is text', 'https:// nothing', [t('https:// nothing')]],
		['html stays text', '<img src=x onerror=alert(1)>', [t('<img src=x onerror=alert(1)>')]],
		['link inside html-ish text', '<a href="https://x.io">', [t('<a href="'), l('https://x.io'), t('">')]]
	];

	it.each(cases)('%s', (_name, input, expected) => {
		expect(linkify(input)).toEqual(expected);
	});

	it('keeps every character of the input, in order', () => {
		const input = 'a https://x.io/(y) b (https://z.io). c';
		expect(linkify(input).map((p) => p.text).join('')).toBe(input);
	});
});
