import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Gemini API's REST surface (generativelanguage.googleapis.com), used
 * only because Google is unreachable from the test machines. It speaks what @google/genai sends
 * and reads: `POST /v1beta/models/{model}:generateContent` (and `:streamGenerateContent?alt=sse`,
 * answered as server-sent events) with the key in `x-goog-api-key`,
 * a GenerateContentResponse on success and Google's `{error: {code, message, status, details}}`
 * otherwise. Each test scripts the replies and reads back what the SDK sent.
 */

/** One HTTP answer: `body` is sent as JSON. */
export interface HttpReply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

/**
 * A streamed answer: each of `events` sent as one `data:` event, `gapMs` apart; `cut` ends the
 * connection after them without a clean end.
 */
export interface StreamReply {
	events: unknown[];
	gapMs?: number;
	cut?: boolean;
}

/** One scripted answer, or `hang` to keep the request open and never answer. */
export type GeminiReply = HttpReply | StreamReply | { hang: true };

/** The fields of a generateContent request body (camelCase, as Google's REST reference names them). */
export interface GenerateContentBody {
	contents: { role?: string; parts: { text?: string }[] }[];
	systemInstruction?: { role?: string; parts: { text?: string }[] };
	generationConfig?: {
		responseMimeType?: string;
		responseJsonSchema?: unknown;
		responseSchema?: unknown;
		maxOutputTokens?: number;
		temperature?: number;
		[field: string]: unknown;
	};
	[field: string]: unknown;
}

/** A generateContent request as the server received it. */
export interface GeminiRequestSeen {
	model: string;
	/** Whether it came to `:streamGenerateContent`. */
	stream: boolean;
	apiKey: string | undefined;
	headers: IncomingHttpHeaders;
	body: GenerateContentBody;
}

export interface GeminiRestServer {
	/** The base URL to pass as `httpOptions.baseUrl`. */
	readonly url: string;
	/** Every generateContent request received, in order. */
	readonly requests: GeminiRequestSeen[];
	/** Queues replies; each generateContent request takes the next one. */
	enqueue(...replies: GeminiReply[]): void;
	/** Forgets queued replies and recorded requests. */
	reset(): void;
	close(): Promise<void>;
}

// google.rpc.Code names, as Google's JSON errors carry them in `status`.
const CODES: Record<number, string> = {
	400: 'INVALID_ARGUMENT',
	403: 'PERMISSION_DENIED',
	404: 'NOT_FOUND',
	429: 'RESOURCE_EXHAUSTED',
	500: 'INTERNAL',
	503: 'UNAVAILABLE',
	504: 'DEADLINE_EXCEEDED'
};

/** A successful answer whose only candidate holds `text`. */
export function geminiAnswer(
	text: string,
	{ finishReason = 'STOP', promptTokens = 120, outputTokens = 30 } = {}
): HttpReply {
	return {
		status: 200,
		body: {
			candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason, index: 0 }],
			usageMetadata: {
				promptTokenCount: promptTokens,
				candidatesTokenCount: outputTokens,
				totalTokenCount: promptTokens + outputTokens,
				promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokens }]
			},
			modelVersion: 'gemini-2.5-flash',
			responseId: 'test-response'
		}
	};
}

/** A streamed answer whose candidate's text arrives in `pieces`, the last one with `finishReason`. */
export function geminiStream(pieces: string[], { finishReason = 'STOP', gapMs = 20 } = {}): StreamReply {
	const events = pieces.map((text, i) => ({
		candidates: [{ content: { parts: [{ text }], role: 'model' }, index: 0, ...(i === pieces.length - 1 ? { finishReason } : {}) }],
		modelVersion: 'gemini-2.5-flash'
	}));
	return { events, gapMs };
}

/** Google's error body; `details` carries e.g. a google.rpc.RetryInfo. */
export function geminiError(
	status: number,
	message: string,
	{ details, headers }: { details?: unknown[]; headers?: Record<string, string> } = {}
): HttpReply {
	const error = { code: status, message, status: CODES[status] ?? 'UNKNOWN', details };
	return { status, body: { error }, headers };
}

/** Starts the server on 127.0.0.1 on a free port. */
export async function startGeminiRestServer(): Promise<GeminiRestServer> {
	const queue: GeminiReply[] = [];
	const requests: GeminiRequestSeen[] = [];

	const server = createServer(async (req, res) => {
		const send = ({ status, body, headers }: HttpReply) => {
			res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
			res.end(JSON.stringify(body));
		};
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const url = new URL(req.url ?? '/', 'http://localhost');
		const route = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(url.pathname);
		if (req.method !== 'POST' || !route) {
			return send(geminiError(404, `Not found: ${req.method} ${url.pathname}`));
		}
		const apiKey = req.headers['x-goog-api-key']?.toString() ?? url.searchParams.get('key') ?? undefined;
		if (!apiKey) {
			return send(geminiError(403, "Method doesn't allow unregistered callers. Please use API Key."));
		}
		let body: GenerateContentBody;
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as GenerateContentBody;
		} catch {
			return send(geminiError(400, 'Invalid JSON payload received.'));
		}
		const stream = route[2] === 'streamGenerateContent';
		requests.push({ model: decodeURIComponent(route[1]!), stream, apiKey, headers: req.headers, body });
		const reply = queue.shift();
		if (!reply) return send(geminiError(500, 'gemini-rest-server: no reply was scripted'));
		if ('hang' in reply) return; // closeAllConnections() on close() ends it
		if ('events' in reply) {
			if (!stream || url.searchParams.get('alt') !== 'sse') return send(geminiError(400, 'gemini-rest-server: a stream was scripted for a plain request'));
			res.writeHead(200, { 'content-type': 'text/event-stream' });
			for (const event of reply.events) {
				res.write(`data: ${JSON.stringify(event)}\r\n\r\n`);
				await new Promise((resolve) => setTimeout(resolve, reply.gapMs ?? 0));
			}
			if (reply.cut) return void res.destroy();
			return void res.end();
		}
		send(reply);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		requests,
		enqueue: (...replies) => void queue.push(...replies),
		reset() {
			queue.length = 0;
			requests.length = 0;
		},
		close() {
			server.closeAllConnections();
			return new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
		}
	};
}
