import { slowAnswer } from '../../http/slow-answer';
import { upstreamFailure } from '../../http/upstream-failure';
import type { InsightsEngine, StructuredReply, StructuredRequest, TextRequest } from './engine';
import { EngineBlockedError, EngineRejectedError, EngineUnavailableError, type EngineError } from './engine-errors';
import { parseJsonAnswer } from './json-answer';
import { sseData } from './sse';

export interface OpenAiCompatibleEngineConfig {
	/** The API base, ending in `/v1`, e.g. `http://127.0.0.1:8080/v1`. */
	baseUrl: string;
	model: string;
	/** Sent as a Bearer token when set; local servers usually need none. */
	apiKey?: string;
	/** Prompt and answer together: the context the server was started with. */
	contextTokens: number;
	/** Limit for one whole request, answer included. */
	timeoutMs: number;
}

interface ChatCompletion {
	choices?: {
		message?: { content?: string | null; refusal?: string | null };
		finish_reason?: string | null;
	}[];
	usage?: { prompt_tokens?: number; completion_tokens?: number };
}

/**
 * Any server with OpenAI's `/chat/completions` and `response_format: json_schema`
 * (llama.cpp, Ollama, vLLM), through plain fetch.
 */
export function createOpenAiCompatibleEngine(config: OpenAiCompatibleEngineConfig): InsightsEngine {
	const url = `${config.baseUrl.replace(/\/+$/, '')}/chat/completions`;
	return {
		name: 'openai-compatible',
		model: config.model,
		contextTokens: config.contextTokens,
		generate: (request) => generate(config, url, request),
		streamText: (request) => streamText(config, url, request)
	};
}

/**
 * One POST to the chat-completions endpoint: the system and user messages with the request's
 * limits (and `extra`: the JSON schema, or streaming), the server's timeout joined to the
 * caller's signal. `unavailable` says what a failure to reach the server (or to read its
 * answer) becomes: the caller's own abort, else an EngineUnavailableError naming a timeout or
 * an unreachable server.
 */
async function postChat(config: OpenAiCompatibleEngineConfig, url: string, request: TextRequest, extra: object, accept?: string) {
	const service = `The model server at ${new URL(url).origin}`;
	const timeout = AbortSignal.timeout(config.timeoutMs);
	const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (accept) headers.accept = accept;
	if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
	const payload = {
		model: config.model,
		messages: [
			{ role: 'system', content: request.system },
			{ role: 'user', content: request.prompt }
		],
		...extra,
		max_tokens: request.maxOutputTokens,
		temperature: request.temperature
	};
	const unavailable = (cause: unknown) => {
		if (request.signal?.aborted) return request.signal.reason as unknown;
		const why = timeout.aborted ? `gave no answer within ${config.timeoutMs} ms` : 'is unreachable';
		return new EngineUnavailableError(`${service} ${why}`, { cause });
	};
	try {
		const response = await fetch(url, { ...slowAnswer(config.timeoutMs), method: 'POST', headers, body: JSON.stringify(payload), signal });
		return { service, response, unavailable };
	} catch (cause) {
		throw unavailable(cause);
	}
}

async function generate(
	config: OpenAiCompatibleEngineConfig,
	url: string,
	request: StructuredRequest
): Promise<StructuredReply> {
	const responseFormat = { type: 'json_schema', json_schema: { name: request.schemaName, strict: true, schema: request.schema } };
	const { service, response, unavailable } = await postChat(config, url, request, { response_format: responseFormat });
	let body: string;
	try {
		body = await response.text();
	} catch (cause) {
		throw unavailable(cause);
	}
	if (!response.ok) throw errorForStatus(service, response, body);
	let completion: ChatCompletion;
	try {
		completion = (JSON.parse(body) ?? {}) as ChatCompletion;
	} catch (cause) {
		const message = `${service} answered a body that is not JSON: ${body.slice(0, 200)}`;
		throw new EngineUnavailableError(message, { cause, status: response.status });
	}
	return replyFrom(service, completion, request.maxOutputTokens);
}

/** `stream: true`: the answer arrives as server-sent events of `choices[0].delta.content`, ending with `[DONE]`. */
async function* streamText(config: OpenAiCompatibleEngineConfig, url: string, request: TextRequest): AsyncGenerator<string> {
	const { service, response, unavailable } = await postChat(config, url, request, { stream: true }, 'text/event-stream');
	if (!response.ok || !response.body) throw errorForStatus(service, response, await response.text().catch(() => ''));
	try {
		for await (const data of sseData(response.body)) {
			const delta = streamDelta(service, data);
			if (delta === 'done') return;
			if (delta) yield delta;
		}
	} catch (cause) {
		if (cause instanceof EngineBlockedError || cause instanceof EngineUnavailableError) throw cause;
		throw unavailable(cause);
	}
}

interface ChatCompletionChunk {
	choices?: { delta?: { content?: string | null; refusal?: string | null }; finish_reason?: string | null }[];
	error?: unknown;
}

/**
 * One event of a streamed chat completion: its text (possibly empty), or `done` at `[DONE]`.
 * A refusal or a content filter is an EngineBlockedError; an error event (llama.cpp sends one
 * when the stream fails mid-way) or a body that is not JSON an EngineUnavailableError.
 */
export function streamDelta(service: string, data: string): string | 'done' {
	if (data.trim() === '[DONE]') return 'done';
	let chunk: ChatCompletionChunk;
	try {
		chunk = (JSON.parse(data) ?? {}) as ChatCompletionChunk;
	} catch (cause) {
		throw new EngineUnavailableError(`${service} streamed an event that is not JSON: ${data.slice(0, 200)}`, { cause });
	}
	if (chunk.error) throw new EngineUnavailableError(`${service} failed mid-answer: ${reasonOf(JSON.stringify(chunk))}`);
	const choice = chunk.choices?.[0];
	if (choice?.finish_reason === 'content_filter') throw new EngineBlockedError(`${service} filtered the answer (content_filter)`);
	if (choice?.delta?.refusal) throw new EngineBlockedError(`${service} refused: ${choice.delta.refusal}`);
	return choice?.delta?.content ?? '';
}

function replyFrom(service: string, completion: ChatCompletion, maxTokens: number): StructuredReply {
	const choice = completion.choices?.[0];
	const finish = choice?.finish_reason ?? 'none';
	if (finish === 'content_filter') {
		throw new EngineBlockedError(`${service} filtered the answer (content_filter)`);
	}
	if (choice?.message?.refusal) {
		throw new EngineBlockedError(`${service} refused: ${choice.message.refusal}`);
	}
	const json = parseJsonAnswer(choice?.message?.content, {
		service,
		answer: `The answer from ${service.toLowerCase()}`,
		finish,
		cutOffAt: finish === 'length' ? `${maxTokens} tokens` : undefined
	});
	const usage = completion.usage;
	return {
		json,
		usage: { inputTokens: usage?.prompt_tokens ?? 0, outputTokens: usage?.completion_tokens ?? 0 }
	};
}

/** 408, 429 and 5xx are worth retrying; any other 4xx refuses this request for good (upstreamFailure's rule). */
function errorForStatus(service: string, response: Response, body: string): EngineError {
	const failure = upstreamFailure(service, response, reasonOf(body));
	if (failure.kind === 'rejected') return new EngineRejectedError(failure.message, failure.status);
	return new EngineUnavailableError(failure.message, { status: failure.status, retryAfterSeconds: failure.retryAfterSeconds });
}

/** `{error: {message}}` (OpenAI, llama.cpp, vLLM), `{error: "…"}` (Ollama) or `{message}`. */
function reasonOf(body: string): string {
	try {
		const json = JSON.parse(body) as { error?: unknown; message?: unknown };
		const error = json.error;
		if (typeof error === 'string') return error;
		if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
			return error.message;
		}
		if (typeof json.message === 'string') return json.message;
	} catch {
		// not JSON: fall through to the raw text
	}
	return body.slice(0, 300) || '(empty body)';
}
