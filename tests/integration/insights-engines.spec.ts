import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StructuredRequest } from '../../src/lib/server/insights/engines/engine';
import {
	EngineBlockedError,
	EngineOutputError,
	EngineRejectedError,
	EngineUnavailableError
} from '../../src/lib/server/insights/engines/engine-errors';
import { createGeminiEngine } from '../../src/lib/server/insights/engines/gemini';
import {
	geminiAnswer,
	geminiError,
	geminiStream,
	startGeminiRestServer,
	type GeminiRestServer
} from '../support/gemini-rest-server';

// The Gemini engine through the real @google/genai SDK, against a local server speaking
// Google's REST shape (Google itself is unreachable from here).
const schema = {
	type: 'object',
	properties: { title: { type: 'string' }, decisions: { type: 'array', items: { type: 'string' } } },
	required: ['title', 'decisions']
};
const request: StructuredRequest = {
	system: 'Summarize the meeting. Cite line ids.',
	prompt: '[t1] Alice: we ship on Friday',
	schema,
	schemaName: 'meeting_summary',
	maxOutputTokens: 1024,
	temperature: 0.2
};

let server: GeminiRestServer;
const engine = (timeoutMs = 5000) =>
	createGeminiEngine({ apiKey: 'test-key', model: 'gemini-2.5-flash', baseUrl: server.url, timeoutMs });
const failure = (timeoutMs?: number) =>
	engine(timeoutMs)
		.generate(request)
		.then(() => 'resolved', (e: unknown) => e);

beforeAll(async () => {
	server = await startGeminiRestServer();
});
beforeEach(() => server.reset());
afterAll(() => server?.close());

it('returns the parsed JSON and usage, having sent the schema, mime type, system text and key', async () => {
	const answer = '{"title":"Ship date","decisions":["Friday"]}';
	server.enqueue(geminiAnswer(answer, { promptTokens: 57, outputTokens: 12 }));

	const reply = await engine().generate(request);

	expect(reply).toEqual({
		json: { title: 'Ship date', decisions: ['Friday'] },
		usage: { inputTokens: 57, outputTokens: 12 }
	});
	expect(server.requests).toHaveLength(1);
	const [sent] = server.requests;
	expect(sent!.model).toBe('gemini-2.5-flash');
	expect(sent!.apiKey).toBe('test-key');
	expect(sent!.body.systemInstruction?.parts).toEqual([{ text: request.system }]);
	expect(sent!.body.contents).toEqual([{ role: 'user', parts: [{ text: request.prompt }] }]);
	expect(sent!.body.generationConfig).toEqual({
		responseMimeType: 'application/json',
		responseJsonSchema: schema,
		maxOutputTokens: 1024,
		temperature: 0.2
	});
});

it('an answer that is not JSON → EngineOutputError', async () => {
	server.enqueue(geminiAnswer('Here is your summary: we ship Friday.'));
	const error = await failure();
	expect(error).toBeInstanceOf(EngineOutputError);
	expect((error as Error).message).toMatch(/is not JSON/);
});

it('an answer cut off at maxOutputTokens → EngineOutputError saying so', async () => {
	server.enqueue(geminiAnswer('{"title":"Ship da', { finishReason: 'MAX_TOKENS' }));
	const error = await failure();
	expect(error).toBeInstanceOf(EngineOutputError);
	expect((error as Error).message).toMatch(/cut off at 1024 output tokens/);
});

describe('failures, one request each (the SDK does not retry)', () => {
	it('429 with RetryInfo → EngineUnavailableError with retryAfterSeconds; the next call succeeds', async () => {
		const retryInfo = { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '37s' };
		server.enqueue(
			geminiError(429, 'You exceeded your current quota.', { details: [retryInfo] }),
			geminiAnswer('{"title":"t","decisions":[]}')
		);

		const error = await failure();
		expect(error).toBeInstanceOf(EngineUnavailableError);
		expect(error).toMatchObject({ status: 429, retryAfterSeconds: 37 });
		expect((error as Error).message).toMatch(/429 RESOURCE_EXHAUSTED: You exceeded your current/);
		expect(server.requests).toHaveLength(1);

		await expect(engine().generate(request)).resolves.toMatchObject({ json: { title: 't' } });
		expect(server.requests).toHaveLength(2);
	});

	it('503 → EngineUnavailableError', async () => {
		server.enqueue(geminiError(503, 'The model is overloaded. Please try again later.'));
		const error = await failure();
		expect(error).toBeInstanceOf(EngineUnavailableError);
		expect(error).toMatchObject({ status: 503, retryAfterSeconds: undefined });
		expect(server.requests).toHaveLength(1);
	});

	it('400 → EngineRejectedError with Google’s message', async () => {
		server.enqueue(geminiError(400, 'API key not valid. Please pass a valid API key.'));
		const error = await failure();
		expect(error).toBeInstanceOf(EngineRejectedError);
		expect(error).toMatchObject({ status: 400 });
		expect((error as Error).message).toMatch(/400 INVALID_ARGUMENT: API key not valid/);
		expect(server.requests).toHaveLength(1);
	});

	it('no answer within timeoutMs → EngineUnavailableError', async () => {
		server.enqueue({ hang: true });
		const error = await failure(300);
		expect(error).toBeInstanceOf(EngineUnavailableError);
		expect((error as Error).message).toMatch(/no answer within 300 ms/);
		expect(server.requests).toHaveLength(1);
	});

	it('the caller’s own abort is passed through, not reported as an engine failure', async () => {
		server.enqueue({ hang: true });
		const caller = new AbortController();
		setTimeout(() => caller.abort(new Error('job cancelled')), 50);
		const error = await engine()
			.generate({ ...request, signal: caller.signal })
			.catch((e: unknown) => e);
		expect(error).toEqual(new Error('job cancelled'));
		expect(server.requests).toHaveLength(1);
	});
});

it('nothing listening → EngineUnavailableError', async () => {
	const dead = createGeminiEngine({
		apiKey: 'test-key',
		model: 'gemini-2.5-flash',
		baseUrl: 'http://127.0.0.1:9',
		timeoutMs: 5000
	});
	const error = await dead.generate(request).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(EngineUnavailableError);
	expect((error as Error).message).toMatch(/unreachable/);
});

describe('refusals → EngineBlockedError naming the reason', () => {
	it('a blocked prompt (promptFeedback.blockReason, no candidates)', async () => {
		server.enqueue({
			status: 200,
			body: {
				promptFeedback: { blockReason: 'PROHIBITED_CONTENT' },
				usageMetadata: { promptTokenCount: 57, totalTokenCount: 57 },
				modelVersion: 'gemini-2.5-flash'
			}
		});
		const error = await failure();
		expect(error).toBeInstanceOf(EngineBlockedError);
		expect((error as Error).message).toMatch(/blocked the prompt \(PROHIBITED_CONTENT\)/);
	});

	it('an empty candidate stopped for SAFETY', async () => {
		server.enqueue({
			status: 200,
			body: {
				candidates: [
					{
						finishReason: 'SAFETY',
						index: 0,
						safetyRatings: [
							{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH', blocked: true }
						]
					}
				],
				usageMetadata: { promptTokenCount: 57, totalTokenCount: 57 },
				modelVersion: 'gemini-2.5-flash'
			}
		});
		const error = await failure();
		expect(error).toBeInstanceOf(EngineBlockedError);
		expect((error as Error).message).toMatch(/finish reason SAFETY/);
	});
});

describe('streamText, through streamGenerateContent?alt=sse', () => {
	const textRequest = { system: 'Answer from the passages.', prompt: '[P1] Alice: we ship on Friday\n\nWhen do we ship?', maxOutputTokens: 200, temperature: 0 };
	const collect = async (timeoutMs?: number) => {
		const pieces: string[] = [];
		for await (const piece of engine(timeoutMs).streamText!(textRequest)) pieces.push(piece);
		return pieces;
	};

	it('yields each piece as it arrives, having sent plain text generation (no JSON mode)', async () => {
		server.enqueue(geminiStream(['We ship ', 'on Friday ', '[P1].'], { gapMs: 150 }));
		const arrivals: number[] = [];
		const started = Date.now();
		const pieces: string[] = [];
		for await (const piece of engine().streamText!(textRequest)) {
			pieces.push(piece);
			arrivals.push(Date.now() - started);
		}
		expect(pieces).toEqual(['We ship ', 'on Friday ', '[P1].']);
		// Streamed, not buffered: the first piece came well before the last.
		expect(arrivals[2]! - arrivals[0]!).toBeGreaterThan(200);
		const [sent] = server.requests;
		expect(sent).toMatchObject({ stream: true, model: 'gemini-2.5-flash', apiKey: 'test-key' });
		expect(sent!.body.systemInstruction?.parts).toEqual([{ text: textRequest.system }]);
		expect(sent!.body.generationConfig).toEqual({ maxOutputTokens: 200, temperature: 0 });
	});

	it('a 429 before the stream → EngineUnavailableError', async () => {
		server.enqueue(geminiError(429, 'You exceeded your current quota.'));
		const error = await collect().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(EngineUnavailableError);
		expect(error).toMatchObject({ status: 429 });
	});

	it('an error event mid-stream → EngineUnavailableError after the pieces before it', async () => {
		const pieces: string[] = [];
		server.enqueue({ events: [geminiStream(['We ship ']).events[0], { error: { code: 503, message: 'overloaded', status: 'UNAVAILABLE' } }] });
		const error = await (async () => {
			for await (const piece of engine().streamText!(textRequest)) pieces.push(piece);
		})().catch((e: unknown) => e);
		expect(pieces).toEqual(['We ship ']);
		expect(error).toBeInstanceOf(EngineUnavailableError);
		expect(error).toMatchObject({ status: 503 });
	});

	it('a candidate stopped for SAFETY mid-stream → EngineBlockedError', async () => {
		server.enqueue(geminiStream(['We ', ''], { finishReason: 'SAFETY' }));
		const error = await collect().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(EngineBlockedError);
		expect((error as Error).message).toMatch(/SAFETY/);
	});
});
