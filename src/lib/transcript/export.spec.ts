import { describe, expect, it } from 'vitest';
import { toJson, toMarkdown, toSrt, toWebVtt } from './export';
import type { TranscriptLine } from './types';

function line(speaker: string, timestamp: number, text: string, end?: number): TranscriptLine {
	return { speaker, text, timestamp, isActive: false, ...(end === undefined ? {} : { end }) };
}

const meeting = [
	line('Alice', 0, 'Hello everyone.', 2),
	line('Bob', 62.345, 'Hi Alice.', 64.5),
	line('Alice', 3725.5, 'Done.', 3726.25)
];

describe('toWebVtt', () => {
	it.each<[string, TranscriptLine[], string]>([
		['no lines', [], 'WEBVTT\n'],
		[
			'cues with voice tags and hh:mm:ss.mmm times',
			meeting,
			'WEBVTT\n\n' +
				'00:00:00.000 --> 00:00:02.000\n<v Alice>Alice: Hello everyone.\n\n' +
				'00:01:02.345 --> 00:01:04.500\n<v Bob>Bob: Hi Alice.\n\n' +
				'01:02:05.500 --> 01:02:06.250\n<v Alice>Alice: Done.\n'
		],
		[
			'<, > and & are escaped in text and speaker',
			[line('A&B <x>', 1, 'if a < b && c > d', 2)],
			'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n' +
				'<v A&amp;B &lt;x&gt;>A&amp;B &lt;x&gt;: if a &lt; b &amp;&amp; c &gt; d\n'
		],
		[
			'no end: the next later line starts it, the last line gets 3 s',
			[line('A', 1, 'one'), line('B', 1, 'tie'), line('A', 4.25, 'two')],
			'WEBVTT\n\n' +
				'00:00:01.000 --> 00:00:04.250\n<v A>A: one\n\n' +
				'00:00:01.000 --> 00:00:04.250\n<v B>B: tie\n\n' +
				'00:00:04.250 --> 00:00:07.250\n<v A>A: two\n'
		],
		[
			'an end not after the start is ignored; line breaks are collapsed',
			[line('A', 5, 'first\n\nsecond', 5)],
			'WEBVTT\n\n00:00:05.000 --> 00:00:08.000\n<v A>A: first second\n'
		]
	])('%s', (_name, lines, expected) => {
		expect(toWebVtt(lines)).toBe(expected);
	});
});

describe('toSrt', () => {
	it.each<[string, TranscriptLine[], string]>([
		['no lines', [], ''],
		[
			'numbered cues with hh:mm:ss,mmm times, blank-line separated',
			meeting,
			'1\n00:00:00,000 --> 00:00:02,000\nAlice: Hello everyone.\n\n' +
				'2\n00:01:02,345 --> 00:01:04,500\nBob: Hi Alice.\n\n' +
				'3\n01:02:05,500 --> 01:02:06,250\nAlice: Done.\n'
		],
		[
			'text is not escaped; a missing end falls back to +3 s',
			[line('A', 0.0004, 'a < b & c')],
			'1\n00:00:00,000 --> 00:00:03,000\nA: a < b & c\n'
		]
	])('%s', (_name, lines, expected) => {
		expect(toSrt(lines)).toBe(expected);
	});
});

describe('toJson', () => {
	it('is a pretty-printed array that parses back to the lines', () => {
		const json = toJson(meeting);
		expect(json.startsWith('[\n  {\n    "speaker": "Alice",')).toBe(true);
		expect(JSON.parse(json)).toEqual(meeting);
	});

	it('gives an empty array for no lines', () => expect(toJson([])).toBe('[]\n'));
});

describe('toMarkdown', () => {
	const withIds = (l: TranscriptLine, participantIdentity: string) => ({
		...l,
		participantIdentity
	});

	it.each<[string, TranscriptLine[], { title: string; date?: Date | string }, string]>([
		['no lines', [], { title: 'Standup' }, '# Standup\n'],
		[
			'a run of one speaker becomes one paragraph; hours appear after 60 min',
			[
				line('Alice', 5, 'Hello.'),
				line('Alice', 7.9, 'Shall we?'),
				line('Bob', 65, 'Yes.'),
				line('Alice', 3725.5, 'Bye.')
			],
			{ title: 'Standup', date: new Date(Date.UTC(2026, 0, 5, 9, 30)) },
			'# Standup\n\n_2026-01-05 09:30 UTC_\n\n' +
				'**Alice** [00:05]: Hello. Shall we?\n\n' +
				'**Bob** [01:05]: Yes.\n\n' +
				'**Alice** [1:02:05]: Bye.\n'
		],
		[
			'two people with the same name are not merged when identities differ',
			[withIds(line('Sam', 0, 'One.'), 'p1'), withIds(line('Sam', 1, 'Two.'), 'p2')],
			{ title: 'T', date: '5 January' },
			'# T\n\n_5 January_\n\n**Sam** [00:00]: One.\n\n**Sam** [00:01]: Two.\n'
		],
		[
			'markdown characters are escaped',
			[line('*Eve*', 0, 'use a_b and [link](x) <b>')],
			{ title: 'Notes #1 *draft*' },
			'# Notes #1 \\*draft\\*\n\n' + '**\\*Eve\\*** [00:00]: use a\\_b and \\[link\\](x) \\<b\\>\n'
		]
	])('%s', (_name, lines, options, expected) => {
		expect(toMarkdown(lines, options)).toBe(expected);
	});
});
