import { ApiError, GoogleGenAI, type GenerateContentResponse } from '@google/genai';
import type { InsightsEngine, StructuredReply, StructuredRequest, TextRequest } from './engine';
import { EngineBlockedError, EngineError, EngineRejectedError, EngineUnavailableError } from './engine-errors';
import { parseJsonAnswer } from './json-answer';

export interface GeminiEngineConfig {
	apiKey: string;
	/** A Gemini model id, e.g. `gemini-2.5-flash`. */
	model: string;
	/** Another endpoint speaking Google's REST shape (a proxy, a test double); Google's by default. */
	baseUrl?: string;
	/** Prompt and answer together; 1,000,000 (Gemini Flash) by default. */
	contextTokens?: number;
	/** Limit for one whole request, answer included. */
	timeoutMs: number;
}

const GOOGLE_BASE_URL = 'https://generativelanguage.googleapis.com/';

// Finish reasons that mean the model refused to go on; after others (STOP, MAX_TOKENS…)
// there is text to parse.
const REFUSALS = new Set([
	'SAFETY',
	'RECITATION',
	'LANGUAGE',
	'BLOCKLIST',
	'PROHIBITED_CONTENT',
	'SPII',
	'IMAGE_SAFETY',
	'IMAGE_PROHIBITED_CONTENT',
	'IMAGE_RECITATION'
]);

/** Gemini through @google/genai, asking for JSON that follows the request's JSON Schema. */
export function createGeminiEngine(config: GeminiEngineConfig): InsightsEngine {
	// Every setting is explicit so that the SDK's own env reads (GOOGLE_GENAI_USE_VERTEXAI,
	// GOOGLE_GEMINI_BASE_URL, GOOGLE_GENAI_API_VERSION) cannot redirect calls behind our back.
	const ai = new GoogleGenAI({
		vertexai: false,
		apiKey: config.apiKey,
		apiVersion: 'v1beta',
		httpOptions: {
			baseUrl: config.baseUrl ?? GOOGLE_BASE_URL,
			timeout: config.timeoutMs,
			// One attempt per call: the job runner owns retries and their back-off.
			retryOptions: { attempts: 1 }
		}
	});
	return {
		name: 'gemini',
		model: config.model,
		contextTokens: config.contextTokens ?? 1_000_000,
		async generate(request) {
			let response: GenerateContentResponse;
			try {
				response = await ai.models.generateContent({
					model: config.model,
					contents: request.prompt,
					config: {
						systemInstruction: request.system,
						responseMimeType: 'application/json',
						responseJsonSchema: request.schema,
						maxOutputTokens: request.maxOutputTokens,
						temperature: request.temperature,
						abortSignal: request.signal
					}
				});
			} catch (error) {
				if (request.signal?.aborted) throw request.signal.reason;
				throw engineError(error, config.timeoutMs);
			}
			return replyFrom(response, request);
		},
		streamText: (request) => streamText(ai, config, request)
	};
}

/** `streamGenerateContent?alt=sse`: each event a GenerateContentResponse holding the next piece of text. */
async function* streamText(ai: GoogleGenAI, config: GeminiEngineConfig, request: TextRequest): AsyncGenerator<string> {
	const fail = (error: unknown) => {
		if (request.signal?.aborted) return request.signal.reason as unknown;
		const mapped = engineError(error, config.timeoutMs);
		// A stream that breaks off mid-way (a truncated event, a reset) is worth another try.
		if (mapped instanceof EngineError) return mapped;
		return new EngineUnavailableError(`Gemini's stream broke off: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
	};
	let stream: AsyncGenerator<GenerateContentResponse>;
	try {
		stream = await ai.models.generateContentStream({
			model: config.model,
			contents: request.prompt,
			config: {
				systemInstruction: request.system,
				maxOutputTokens: request.maxOutputTokens,
				temperature: request.temperature,
				abortSignal: request.signal
			}
		});
	} catch (error) {
		throw fail(error);
	}
	for (;;) {
		let next: IteratorResult<GenerateContentResponse>;
		try {
			next = await stream.next();
		} catch (error) {
			throw fail(error);
		}
		if (next.done) return;
		const chunk = next.value;
		const feedback = chunk.promptFeedback;
		if (feedback?.blockReason) throw new EngineBlockedError(`Gemini blocked the prompt (${feedback.blockReason})`);
		const finish = chunk.candidates?.[0]?.finishReason;
		if (finish && REFUSALS.has(finish)) throw new EngineBlockedError(`Gemini stopped its answer (finish reason ${finish})`);
		const text = chunk.candidates?.[0]?.content?.parts?.map((p) => (p.thought ? '' : (p.text ?? ''))).join('') ?? '';
		if (text) yield text;
	}
}

function replyFrom(response: GenerateContentResponse, request: StructuredRequest): StructuredReply {
	const feedback = response.promptFeedback;
	if (feedback?.blockReason) {
		const why = [feedback.blockReason, feedback.blockReasonMessage].filter(Boolean).join(': ');
		throw new EngineBlockedError(`Gemini blocked the prompt (${why})`);
	}
	const finish = response.candidates?.[0]?.finishReason;
	if (finish && REFUSALS.has(finish)) {
		throw new EngineBlockedError(`Gemini stopped its answer (finish reason ${finish})`);
	}
	const json = parseJsonAnswer(response.text, {
		service: 'Gemini',
		answer: "Gemini's answer",
		finish: finish ?? 'none',
		cutOffAt: finish === 'MAX_TOKENS' ? `${request.maxOutputTokens} output tokens` : undefined
	});
	const usage = response.usageMetadata;
	return {
		json,
		usage: {
			inputTokens: usage?.promptTokenCount ?? 0,
			// Thinking is billed as output and counts against maxOutputTokens.
			outputTokens: (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0)
		}
	};
}

/**
 * The SDK throws ApiError for any non-2xx (its message is the JSON error body), an AbortError
 * when `httpOptions.timeout` runs out, and fetch's TypeError when the network fails.
 */
function engineError(error: unknown, timeoutMs: number): unknown {
	if (error instanceof ApiError) {
		const { status } = error;
		const body = googleError(error.message);
		const code = body.status ? `${status} ${body.status}` : `${status}`;
		const message = `Gemini answered ${code}: ${body.message}`;
		if (status === 408 || status === 429 || status >= 500) {
			return new EngineUnavailableError(message, {
				cause: error,
				status,
				retryAfterSeconds: body.retryAfterSeconds
			});
		}
		return new EngineRejectedError(message, status, { cause: error });
	}
	if (error instanceof Error && error.name === 'AbortError') {
		const message = `Gemini gave no answer within ${timeoutMs} ms`;
		return new EngineUnavailableError(message, { cause: error });
	}
	if (error instanceof TypeError) {
		return new EngineUnavailableError(`Gemini is unreachable: ${error.message}`, { cause: error });
	}
	if (error instanceof SyntaxError) {
		// A 2xx whose body is not JSON: a proxy in the way, not the model.
		return new EngineUnavailableError(`Gemini answered a body that is not JSON`, { cause: error });
	}
	return error;
}

/** Google's `{error: {code, message, status, details}}`; a RetryInfo detail says how long to wait. */
function googleError(text: string): { message: string; status?: string; retryAfterSeconds?: number } {
	type GoogleErrorBody = {
		error?: { message?: unknown; status?: unknown; details?: { '@type'?: unknown; retryDelay?: unknown }[] };
	};
	try {
		const { error } = JSON.parse(text) as GoogleErrorBody;
		const retryInfo = (Array.isArray(error?.details) ? error.details : []).find(
			(detail) => detail?.['@type'] === 'type.googleapis.com/google.rpc.RetryInfo'
		);
		// A protobuf Duration in JSON: decimal seconds with an "s" suffix, e.g. "37s" or "1.5s".
		const delay = /^(\d+(?:\.\d+)?)s$/.exec(String(retryInfo?.retryDelay));
		return {
			message: typeof error?.message === 'string' && error.message ? error.message : text.slice(0, 300),
			status: typeof error?.status === 'string' ? error.status : undefined,
			retryAfterSeconds: delay ? Math.ceil(Number(delay[1])) : undefined
		};
	} catch {
		return { message: text.slice(0, 300) || '(empty body)' };
	}
}
