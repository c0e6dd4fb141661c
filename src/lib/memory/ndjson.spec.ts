import { describe, expect, it } from 'vitest';
import { bodyChunks, ndjsonValues } from './ndjson';

async function values(chunks: (string | Uint8Array)[]): Promise<unknown[]> {
	const out: unknown[] = [];
	for await (const v of ndjsonValues((async function* () { yield* chunks; })())) out.push(v);
	return out;
}

describe('ndjsonValues', () => {
	it.each([
		['one line per chunk', ['{"a":1}\n', '{"b":2}\n'], [{ a: 1 }, { b: 2 }]],
		['two lines in one chunk', ['{"a":1}\n{"b":2}\n'], [{ a: 1 }, { b: 2 }]],
		['a line split across chunks', ['{"type":"dr', 'aft","text":"Hel', 'lo"}\n'], [{ type: 'draft', text: 'Hello' }]],
		['blank lines and CRLF', ['\n{"a":1}\r\n\r\n'], [{ a: 1 }]],
		['the last line without a newline', ['{"a":1}\n{"b":2}'], [{ a: 1 }, { b: 2 }]],
		['a newline inside a string is escaped, so lines stay whole', ['{"t":"a\\nb"}\n'], [{ t: 'a\nb' }]],
		['nothing', [], []]
	])('%s', async (_name, chunks, expected) => {
		expect(await values(chunks)).toEqual(expected);
	});

	it('decodes a character split across byte chunks', async () => {
		const bytes = new TextEncoder().encode('{"t":"déjà ✓"}\n');
		expect(await values([bytes.slice(0, 8), bytes.slice(8, 13), bytes.slice(13)])).toEqual([{ t: 'déjà ✓' }]);
	});

	it('a line that is not JSON throws, after the lines before it', async () => {
		const seen: unknown[] = [];
		const error = await (async () => {
			for await (const v of ndjsonValues((async function* () { yield '{"a":1}\n<html>\n'; })())) seen.push(v);
		})().catch((e: unknown) => e);
		expect(seen).toEqual([{ a: 1 }]);
		expect(error).toBeInstanceOf(SyntaxError);
	});

	it('reads a fetch body through bodyChunks', async () => {
		const body = new Response('{"a":1}\n{"b":2}\n').body!;
		const out: unknown[] = [];
		for await (const v of ndjsonValues(bodyChunks(body))) out.push(v);
		expect(out).toEqual([{ a: 1 }, { b: 2 }]);
	});
});
