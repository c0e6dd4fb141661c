import type { Cookies } from '@sveltejs/kit';
import type { AppContext } from '../app-context';
import { m } from '#lib/paraglide/messages';
import type { Failure, FailureTable } from '../http/failures';
import type { InsightsEngine } from '../insights/engines/engine';
import { rateLimited } from '../rate-limit/limiter';
import { clientKey } from '../rate-limit/client-key';
import { findRoomByCode } from '../rooms/room.repository';
import { askMemoryStream, type AskErrorReason, type AskEvent } from './ask.service';
import { memoryViewer } from './viewer';

export type AskStart = { ok: true; events: AsyncGenerator<AskEvent> } | Failure<'ask_off' | 'room_not_found' | 'rate_limited'>;

/**
 * A question from a browser: counted against its address's allowance, asked over the meetings
 * its cookies may see (one room's when `code` is given). The events are produced as they are read.
 */
export async function startAsk(
	ctx: Pick<AppContext, 'db' | 'limits'> & { engine: InsightsEngine | null },
	request: { cookies: Cookies; client: string; signal: AbortSignal },
	input: { question: string; code?: string | undefined }
): Promise<AskStart> {
	if (!ctx.engine?.streamText) return { ok: false, reason: 'ask_off' };
	let roomId: string | undefined;
	if (input.code) {
		const room = await findRoomByCode(ctx.db, input.code);
		if (!room) return { ok: false, reason: 'room_not_found' };
		roomId = room.id;
	}
	const allowance = await ctx.limits.ask.consume(clientKey(request.client));
	if (!allowance.ok) return rateLimited(allowance);
	const viewer = await memoryViewer(ctx, request.cookies);
	return { ok: true, events: askMemoryStream({ db: ctx.db, insights: { engine: ctx.engine } }, viewer, input.question, { roomId, signal: request.signal }) };
}

/** How Ask answers what it refuses before it starts. */
export const ASK_FAILURES: FailureTable<'ask_off' | 'room_not_found' | 'rate_limited'> = {
	ask_off: [503, () => m.memory_ask_off()],
	room_not_found: [404, () => m.memory_ask_room_not_found()],
	rate_limited: [429, (f) => m.memory_ask_too_often({ seconds: f.retryAfterSeconds ?? 1 })]
};

/**
 * What the person reads when the engine fails mid-answer. Read while the request is handled
 * (the stream outlives it, and the messages speak the request's language).
 */
export function askErrorMessages(): Record<AskErrorReason, string> {
	return { ask_off: m.memory_ask_off(), engine_unavailable: m.memory_ask_engine_unavailable(), engine_failed: m.memory_ask_engine_failed() };
}
