import type { ChatMessage, ChatPage } from '#lib/chat/message';
import { ApiError, fetchIdempotent } from './api';

export function isChatMessage(value: unknown): value is ChatMessage {
	const m = value as Partial<ChatMessage> | null;
	return (
		typeof m === 'object' &&
		m !== null &&
		Number.isSafeInteger(m.seq) &&
		typeof m.senderIdentity === 'string' &&
		typeof m.senderName === 'string' &&
		typeof m.text === 'string' &&
		typeof m.sentAt === 'string'
	);
}

/** One page of a chat's history from `url`: the newest, or those before sequence `before`. */
export async function fetchChatPage(url: string, before?: number): Promise<ChatPage> {
	let response: Response;
	try {
		response = await fetchIdempotent(before ? `${url}?before=${before}` : url);
	} catch {
		throw new ApiError(0, 'Cannot reach Stoom. Check your connection.');
	}
	const payload = await response.json().catch(() => ({}));
	if (!response.ok) throw new ApiError(response.status, payload.message ?? `Request failed (${response.status})`);
	return { messages: ((payload.messages ?? []) as unknown[]).filter(isChatMessage), hasMore: Boolean(payload.hasMore) };
}

