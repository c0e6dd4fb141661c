import { describe, expect, it } from 'vitest';
import { sseData } from './sse';

async function events(chunks: (string | Uint8Array)[]): Promise<string[]> {
	const out: string[] = [];
	for await (const data of sseData((async function* () { yield* chunks; })())) out.push(data);
	return out;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sseData', () => {
	it.each([
		['one event', ['data: {"a":1}\n\n'], ['{"a":1}']],
		['two events in one chunk', ['data: a\n\ndata: b\n\n'], ['a', 'b']],
		['an event split mid-line', ['da', 'ta: hel', 'lo\n', '\n'], ['hello']],
		['CRLF line ends', ['data: a\r\n\r\ndata: b\r\n\r\n'], ['a', 'b']],
		['CRLF split between chunks', ['data: a\r', '\n\r', '\n'], ['a']],
		['CR line ends', ['data: a\r\rdata: b\r\r'], ['a', 'b']],
		['multi-line data joins with \\n', ['data: one\ndata: two\n\n'], ['one\ntwo']],
		['no space after the colon', ['data:x\n\n'], ['x']],
		['comments and other fields are ignored', [': keep-alive\nevent: delta\nid: 3\ndata: y\n\n'], ['y']],
		['a blank line with no data is no event', ['\n\n: ping\n\ndata: z\n\n'], ['z']],
		['the last event without its blank line', ['data: [DONE]'], ['[DONE]']],
		['the last event ended by one newline', ['data: end\n'], ['end']],
		['nothing', [], []]
	])('%s', async (_name, chunks, expected) => {
		expect(await events(chunks)).toEqual(expected);
	});

	it('decodes a multi-byte character split across byte chunks', async () => {
		const all = bytes('data: café ✓\n\n');
		expect(await events([all.slice(0, 10), all.slice(10, 14), all.slice(14)])).toEqual(['café ✓']);
	});
});
