import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { procedure } from '#lib/server/http/procedure';
import { ndjsonResponse } from '#lib/server/http/ndjson';
import { ASK_FAILURES, askErrorMessages, startAsk } from '#lib/server/memory/ask-request.service';
import type { AskEvent } from '#lib/server/memory/ask.service';
import { insightsEngine } from '#lib/server/pipeline/pipeline-context';
import { isRoomCode } from '#lib/room-code';

const askInput = z.object({
	question: z.string().trim().min(3).max(500),
	code: z.string().refine(isRoomCode, 'not a room code').optional()
});

/** One line of the answer stream: the draft piece by piece, then the verified answer, or an error to read. */
export type AskLine = Exclude<AskEvent, { type: 'error' }> | { type: 'error'; reason: string; message: string };

/**
 * Ask your meetings: answered as NDJSON while the engine writes (`draft` lines), ending with
 * the verified answer (`final`) or an `error` line with a message to read.
 */
export const POST = procedure(
	askInput,
	async ({ input, event }) => {
		const abort = new AbortController();
		const started = await startAsk({ ...appContext(), engine: insightsEngine() }, { cookies: event.cookies, client: event.getClientAddress(), signal: abort.signal }, input);
		if (!started.ok) return started;
		const messages = askErrorMessages();
		return ndjsonResponse<AskEvent>(started.events, {
			abort,
			map: (e): AskLine => (e.type === 'error' ? { ...e, message: messages[e.reason] } : e),
			onError: (): AskLine => ({ type: 'error', reason: 'engine_failed', message: messages.engine_failed })
		});
	},
	ASK_FAILURES
);
