import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createWhisperClient,
	WhisperRejectedError,
	WhisperUnavailableError
} from './whisper-client';
import { parseRetryAfter } from './whisper-errors';

// A scripted stand-in for the service: each test sets the next reply.
interface Reply {
	status: number;
	body: string;
	headers?: Record<string, string>;
}
let reply: Reply = { status: 200, body: '{}' };
let lastRequest: { url: string; body: string } | undefined;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
	server = createServer(async (req: IncomingMessage, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		lastRequest = { url: req.url ?? '', body: Buffer.concat(chunks).toString('latin1') };
		res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
		res.end(reply.body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const audio = { data: new Uint8Array([1, 2, 3]), filename: 'a.ogg', contentType: 'audio/ogg' };
const client = (flavour: 'asr' | 'openai', url = baseUrl) =>
	createWhisperClient({ url, flavour, model: 'whisper-1', language: 'en', timeoutMs: 2000 });

async function failure(flavour: 'asr' | 'openai', next: Reply): Promise<unknown> {
	reply = next;
	return client(flavour)
		.transcribe(audio)
		.then(() => 'resolved', (e: unknown) => e);
}

describe('status codes map to error classes', () => {
	type ErrorClass = typeof WhisperRejectedError | typeof WhisperUnavailableError;
	it.each<[number, Record<string, string>, ErrorClass, number | undefined]>([
		[400, {}, WhisperRejectedError, undefined],
		[413, {}, WhisperRejectedError, undefined],
		[422, {}, WhisperRejectedError, undefined],
		[408, {}, WhisperUnavailableError, undefined],
		[429, { 'retry-after': '30' }, WhisperUnavailableError, 30],
		[500, {}, WhisperUnavailableError, undefined],
		[502, {}, WhisperUnavailableError, undefined],
		[503, { 'retry-after': '5' }, WhisperUnavailableError, 5]
	])('%i %j → %o, retry after %s s', async (status, headers, errorClass, retryAfter) => {
		const error = await failure('asr', { status, headers, body: '{"detail":"nope"}' });
		expect(error).toBeInstanceOf(errorClass);
		expect(error).toMatchObject({ status, message: expect.stringContaining(`${status}: nope`) });
		if (error instanceof WhisperUnavailableError) expect(error.retryAfterSeconds).toBe(retryAfter);
	});

	it('reads the reason from an OpenAI-style error body', async () => {
		const body = '{"error":{"message":"could not decode audio","type":"invalid_request_error"}}';
		const error = await failure('openai', { status: 400, body });
		expect(error).toBeInstanceOf(WhisperRejectedError);
		expect((error as Error).message).toContain('400: could not decode audio');
	});

	it.each([
		['not JSON', '<html>proxy error</html>'],
		['JSON of another shape', '{"result":"ok"}']
	])('a 200 with %s is unavailable, not a result', async (_name, body) => {
		const error = await failure('asr', { status: 200, body });
		expect(error).toBeInstanceOf(WhisperUnavailableError);
	});
});

describe('requests follow each flavour’s contract', () => {
	it('asr: query parameters and the audio_file field', async () => {
		reply = { status: 200, body: '{"language":"en","text":"","segments":[]}' };
		await client('asr', `${baseUrl}/`).transcribe(audio);
		expect(lastRequest?.url).toBe(
			'/asr?task=transcribe&language=en&output=json&word_timestamps=true&vad_filter=false&encode=true'
		);
		expect(lastRequest?.body).toContain('name="audio_file"; filename="a.ogg"');
		expect(lastRequest?.body).toContain('Content-Type: audio/ogg');
	});

	it.each(['', '/v1', '/v1/'])('openai: base %j → /v1/audio/transcriptions', async (path) => {
		reply = { status: 200, body: '{"language":"english","text":"","segments":[]}' };
		await client('openai', `${baseUrl}${path}`).transcribe(audio);
		expect(lastRequest?.url).toBe('/v1/audio/transcriptions');
		const fields = ['file', 'model', 'language', 'response_format', 'timestamp_granularities[]'];
		for (const field of fields) expect(lastRequest?.body).toContain(`name="${field}"`);
	});
});

describe('replies are normalized', () => {
	const hi = { start: 0, end: 0.4, word: 'Hi', probability: 0.9 };
	const there = { start: 0.4, end: 1, word: 'there.', probability: 0.8 };

	it('asr: trims text and words, keeps null words out, reads X-Audio-Seconds', async () => {
		reply = {
			status: 200,
			headers: { 'x-audio-seconds': '4.5' },
			body: JSON.stringify({
				language: 'en',
				text: ' Hi there. Bye. ',
				segments: [
					{
						id: 1,
						start: 0,
						end: 1,
						text: ' Hi there.',
						words: [hi, there].map((w) => ({ ...w, word: ` ${w.word}` }))
					},
					{ id: 2, start: 2, end: 3, text: ' Bye.', words: null }
				]
			})
		};
		expect(await client('asr').transcribe(audio)).toEqual({
			language: 'en',
			duration: 4.5,
			text: 'Hi there. Bye.',
			segments: [
				{ start: 0, end: 1, text: 'Hi there.', words: [hi, there] },
				{ start: 2, end: 3, text: 'Bye.' }
			]
		});
	});

	it('openai: maps the language name to its code, hands flat words to segments', async () => {
		const w = (start: number, word: string) => ({ start, end: start + 0.3, word });
		reply = {
			status: 200,
			body: JSON.stringify({
				language: 'english',
				duration: 3.5,
				text: 'One two. Three.',
				segments: [
					{ start: 0, end: 1.6, text: ' One two.' },
					{ start: 2, end: 3, text: ' Three.' }
				],
				words: [w(0, 'One'), w(1.3, 'two.'), w(1.995, 'Three.')]
			})
		};
		const result = await client('openai').transcribe(audio);
		expect(result.language).toBe('en');
		expect(result.duration).toBe(3.5);
		const wordsBySegment = result.segments.map((s) => s.words?.map((x) => x.word));
		expect(wordsBySegment).toEqual([['One', 'two.'], ['Three.']]);
	});

	it('openai: words without segments become one segment', async () => {
		const hello = { start: 0.2, end: 0.7, word: 'Hello.' };
		reply = {
			status: 200,
			body: JSON.stringify({ language: 'english', text: 'Hello.', words: [hello] })
		};
		const { segments } = await client('openai').transcribe(audio);
		expect(segments).toEqual([{ start: 0.2, end: 0.7, text: 'Hello.', words: [hello] }]);
	});
});

describe('parseRetryAfter', () => {
	const now = Date.UTC(2026, 0, 1, 12, 0, 0);
	it.each<[string | null, number | undefined]>([
		[null, undefined],
		['', undefined],
		['5', 5],
		[' 120 ', 120],
		['Thu, 01 Jan 2026 12:00:30 GMT', 30],
		['Thu, 01 Jan 2026 11:59:00 GMT', 0],
		['soon', undefined]
	])('%j → %s', (header, expected) => expect(parseRetryAfter(header, now)).toBe(expected));
});
