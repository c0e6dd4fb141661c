import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StructuredRequest } from './engine';
import {
	EngineBlockedError,
	EngineOutputError,
	EngineRejectedError,
	EngineUnavailableError
} from './engine-errors';
import { createOpenAiCompatibleEngine } from './openai-compatible';

// Our adapter's own mapping of answers and failures, with fetch stubbed; the contract with a
// real llama.cpp server is tested separately.
const schema = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] };
const request: StructuredRequest = {
	system: 'Write a title.',
	prompt: '[t1] Alice: hello',
	schema,
	schemaName: 'meeting_title',
	maxOutputTokens: 256,
	temperature: 0.2
};
const engine = (extra: { apiKey?: string; timeoutMs?: number } = {}) =>
	createOpenAiCompatibleEngine({
		baseUrl: 'http://127.0.0.1:8080/v1/',
		model: 'qwen',
		contextTokens: 8192,
		timeoutMs: 2000,
		...extra
	});

function stubFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(text, { status, headers }));
	vi.stubGlobal('fetch', fetch);
	return fetch;
}
const completion = (content: string | null, finish_reason = 'stop', extra = {}) => ({
	choices: [{ index: 0, message: { role: 'assistant', content, ...extra }, finish_reason }],
	usage: { prompt_tokens: 41, completion_tokens: 9, total_tokens: 50 }
});
const failure = (e = engine()) => e.generate(request).then(() => 'resolved', (e: unknown) => e);

afterEach(() => vi.unstubAllGlobals());

describe('a good answer', () => {
	it('sends one json_schema chat request and returns the parsed JSON with its usage', async () => {
		const fetch = stubFetch(200, completion('{"title":"Kick-off"}'));
		const reply = await engine({ apiKey: 'sk-test' }).generate(request);

		expect(reply).toEqual({ json: { title: 'Kick-off' }, usage: { inputTokens: 41, outputTokens: 9 } });
		expect(fetch).toHaveBeenCalledTimes(1);
		const [url, init] = fetch.mock.calls[0]!;
		expect(url).toBe('http://127.0.0.1:8080/v1/chat/completions');
		expect(init.method).toBe('POST');
		expect(init.headers).toMatchObject({ authorization: 'Bearer sk-test' });
		expect(JSON.parse(init.body as string)).toEqual({
			model: 'qwen',
			messages: [
				{ role: 'system', content: 'Write a title.' },
				{ role: 'user', content: '[t1] Alice: hello' }
			],
			response_format: {
				type: 'json_schema',
				json_schema: { name: 'meeting_title', strict: true, schema }
			},
			max_tokens: 256,
			temperature: 0.2
		});
	});

	it('sends no Authorization header without an API key', async () => {
		const fetch = stubFetch(200, completion('{"title":"x"}'));
		await engine().generate(request);
		expect(Object.keys(fetch.mock.calls[0]![1].headers as object)).not.toContain('authorization');
	});
});

describe('HTTP failures', () => {
	type ErrorClass = typeof EngineRejectedError | typeof EngineUnavailableError;
	it.each<[number, Record<string, string>, ErrorClass, number | undefined]>([
		[400, {}, EngineRejectedError, undefined],
		[401, {}, EngineRejectedError, undefined],
		[404, {}, EngineRejectedError, undefined],
		[408, {}, EngineUnavailableError, undefined],
		[429, { 'retry-after': '12' }, EngineUnavailableError, 12],
		[500, {}, EngineUnavailableError, undefined],
		[503, { 'retry-after': '3' }, EngineUnavailableError, 3]
	])('%i %j → %o, retry after %s s, with the server’s message', async (status, headers, kind, after) => {
		stubFetch(status, { error: { code: status, message: 'the server says no' } }, headers);
		const error = await failure();
		expect(error).toBeInstanceOf(kind);
		expect(error).toMatchObject({ status, message: expect.stringContaining(`${status}: the server says no`) });
		if (error instanceof EngineUnavailableError) expect(error.retryAfterSeconds).toBe(after);
	});

	it('reads an HTTP-date Retry-After as seconds from now', async () => {
		const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
		stubFetch(429, '{}', { 'retry-after': inOneMinute });
		const error = (await failure()) as EngineUnavailableError;
		expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(58);
		expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
	});

	it('reads an Ollama-style {error: "…"} reason', async () => {
		stubFetch(400, { error: 'model "qwen" not found, try pulling it first' });
		const error = await failure();
		expect((error as Error).message).toContain('400: model "qwen" not found');
	});

	it('reports a refused connection as unavailable', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
		const error = await failure();
		expect(error).toBeInstanceOf(EngineUnavailableError);
		expect((error as Error).message).toMatch(/is unreachable/);
	});

	it('reports a server that never answers as unavailable after timeoutMs', async () => {
		const hang = (_url: string, init: RequestInit) =>
			new Promise<Response>((_resolve, reject) =>
				init.signal!.addEventListener('abort', () => reject(init.signal!.reason))
			);
		vi.stubGlobal('fetch', vi.fn(hang));
		const error = await failure(engine({ timeoutMs: 50 }));
		expect(error).toBeInstanceOf(EngineUnavailableError);
		expect((error as Error).message).toMatch(/no answer within 50 ms/);
	});

	it('passes the caller’s own abort through instead of calling it an engine failure', async () => {
		const caller = new AbortController();
		caller.abort(new Error('job cancelled'));
		const rejectWithAbort = async (_url: string, init: RequestInit) => Promise.reject(init.signal!.reason);
		vi.stubGlobal('fetch', vi.fn(rejectWithAbort));
		const error = await engine()
			.generate({ ...request, signal: caller.signal })
			.catch((e: unknown) => e);
		expect(error).toEqual(new Error('job cancelled'));
	});

	it('treats a 200 whose body is not JSON as unavailable (a proxy in the way)', async () => {
		stubFetch(200, '<html>502 Bad Gateway</html>');
		expect(await failure()).toBeInstanceOf(EngineUnavailableError);
	});
});

describe('answers that are not usable', () => {
	it.each([
		['a content_filter stop', completion('', 'content_filter'), /content_filter/],
		['empty content', completion('', 'stop'), /answered nothing \(finish reason stop\)/],
		['null content', completion(null, 'stop'), /answered nothing/],
		['no choices', { choices: [] }, /answered nothing \(finish reason none\)/],
		['a refusal', completion(null, 'stop', { refusal: 'I cannot help.' }), /refused: I cannot help/]
	])('%s → EngineBlockedError', async (_name, body, message) => {
		stubFetch(200, body);
		const error = await failure();
		expect(error).toBeInstanceOf(EngineBlockedError);
		expect((error as Error).message).toMatch(message);
	});

	it.each([
		['prose', 'stop', /is not JSON \(finish reason stop\)/],
		['{"title": "Kick-', 'length', /was cut off at 256 tokens/]
	])('%j with finish reason %s → EngineOutputError', async (content, finish, message) => {
		stubFetch(200, completion(content, finish));
		const error = await failure();
		expect(error).toBeInstanceOf(EngineOutputError);
		expect((error as Error).message).toMatch(message);
	});
});

describe('streamText', () => {
	const textRequest = { system: 'Answer.', prompt: 'Q?', maxOutputTokens: 64, temperature: 0 };
	const sse = (...events: string[]) => events.map((e) => `data: ${e}\n\n`).join('');
	const delta = (content: string) => JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: null }] });
	const collect = async (e = engine()) => {
		const out: string[] = [];
		for await (const piece of e.streamText!(textRequest)) out.push(piece);
		return out;
	};

	it('sends stream: true without a response_format and yields each delta until [DONE]', async () => {
		const fetch = stubFetch(200, sse(delta('Hel'), delta('lo'), JSON.stringify({ choices: [{ delta: {}, finish_reason: 'stop' }] }), '[DONE]', delta('after')));
		expect(await collect()).toEqual(['Hel', 'lo']);
		const body = JSON.parse(fetch.mock.calls[0]![1].body as string);
		expect(body).toMatchObject({ stream: true, max_tokens: 64, temperature: 0 });
		expect(body).not.toHaveProperty('response_format');
	});

	it.each([
		['an error event mid-stream', sse(delta('a'), '{"error":{"code":500,"message":"slot died"}}'), EngineUnavailableError, /failed mid-answer: slot died/],
		['an event that is not JSON', sse(delta('a'), 'oops'), EngineUnavailableError, /not JSON: oops/],
		['a content filter', sse(JSON.stringify({ choices: [{ delta: {}, finish_reason: 'content_filter' }] })), EngineBlockedError, /content_filter/]
	])('%s → %s', async (_name, body, kind, message) => {
		stubFetch(200, body);
		const error = await collect().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(kind);
		expect((error as Error).message).toMatch(message);
	});

	it('a 503 before the stream → EngineUnavailableError; a 400 → EngineRejectedError', async () => {
		stubFetch(503, { error: { message: 'Loading model' } });
		expect(await collect().catch((e: unknown) => e)).toBeInstanceOf(EngineUnavailableError);
		stubFetch(400, { error: { message: 'bad' } });
		expect(await collect().catch((e: unknown) => e)).toBeInstanceOf(EngineRejectedError);
	});
});
