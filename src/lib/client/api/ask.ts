import { m } from '#lib/paraglide/messages';
import { bodyChunks, ndjsonValues } from '#lib/memory/ndjson';
import type * as Ask from '../../../routes/api/memory/ask/+server';
import { ApiError, send } from './http';

/** One line of Ask's answer stream, as the endpoint writes it (dates as strings already). */
export type AskLine = Ask.AskLine;

/**
 * Asks a question; yields the answer's lines as they arrive (`draft` pieces, then `final` or
 * `error`). A refusal before the stream (too many questions, engine off) is an ApiError.
 */
export async function* askStream(body: { question: string; code?: string }, signal?: AbortSignal): AsyncGenerator<AskLine> {
	const response = await send('/api/memory/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
	if (!response.ok || !response.body) {
		const payload = (await response.json().catch(() => ({}))) as { message?: string };
		throw new ApiError(response.status, payload.message ?? m.call_request_failed({ status: response.status }));
	}
	try {
		for await (const line of ndjsonValues(bodyChunks(response.body))) yield line as AskLine;
	} catch (error) {
		if (signal?.aborted) return;
		console.warn("Ask: the answer stream broke off", error);
		throw new ApiError(0, m.memory_ask_failed());
	}
}
