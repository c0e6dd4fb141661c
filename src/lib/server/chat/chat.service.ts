import { DataPacket_Kind } from 'livekit-server-sdk';
import { CHAT_MAX_LENGTH, CHAT_TOPIC, type ChatMessage } from '../../chat/message';
import type { AppContext } from '../context';
import { findChatSender, insertChatMessage, listChatMessages } from './chat.repository';
import type { ChatMessageRow } from './chat.table';
import type { ChatContext } from './context';

export interface SendMessageInput {
	code: string;
	participantId: string | null;
	text: string;
	/** The browser's idempotency key for this message. */
	clientId: string;
}

export type SendMessageResult =
	| { ok: true; message: ChatMessage }
	| { ok: false; reason: 'not_joined' | 'empty' | 'too_long' }
	| { ok: false; reason: 'rate_limited'; retryAfterMs: number };

/**
 * Validates, rate-limits, stores, then broadcasts a chat message to the room (reliable data,
 * topic `chat`). The stored message is the truth: a failed broadcast is logged, and the
 * others get the message from history on their next load or reconnect.
 */
export async function sendMessage(ctx: ChatContext, input: SendMessageInput): Promise<SendMessageResult> {
	const text = input.text.trim();
	if (!text) return { ok: false, reason: 'empty' };
	if (text.length > CHAT_MAX_LENGTH) return { ok: false, reason: 'too_long' };

	const sender = input.participantId ? await findChatSender(ctx.db, input.code, input.participantId) : undefined;
	if (!sender) return { ok: false, reason: 'not_joined' };

	const decision = await ctx.chatLimiter.consume(sender.participantId);
	if (!decision.ok) return { ok: false, reason: 'rate_limited', retryAfterMs: decision.retryAfterMs };

	const row = await insertChatMessage(ctx.db, {
		session_id: sender.sessionId,
		participant_id: sender.participantId,
		sender_identity: sender.identity,
		sender_name: sender.displayName,
		text,
		client_id: input.clientId
	});
	const message = toChatMessage(row);
	await broadcast(ctx, input.code, message);
	return { ok: true, message };
}

async function broadcast(ctx: AppContext, code: string, message: ChatMessage): Promise<void> {
	try {
		const bytes = new TextEncoder().encode(JSON.stringify(message));
		await ctx.livekit.sendData(code, bytes, DataPacket_Kind.RELIABLE, { topic: CHAT_TOPIC });
	} catch (err) {
		console.error(`Chat broadcast to ${code} failed; message ${message.seq} is stored`, err);
	}
}

/** The chat of the participant's current session, in order; null when not in it. */
export async function chatHistory(ctx: AppContext, input: { code: string; participantId: string | null }): Promise<ChatMessage[] | null> {
	const sender = input.participantId ? await findChatSender(ctx.db, input.code, input.participantId) : undefined;
	if (!sender) return null;
	return sessionChat(ctx, sender.sessionId);
}

/** A session's whole chat, for its record page (the caller checks who may see it). */
export async function sessionChat(ctx: AppContext, sessionId: string): Promise<ChatMessage[]> {
	return (await listChatMessages(ctx.db, sessionId)).map(toChatMessage);
}

function toChatMessage(row: ChatMessageRow): ChatMessage {
	return {
		seq: Number(row.id),
		senderIdentity: row.sender_identity,
		senderName: row.sender_name,
		text: row.text,
		sentAt: row.created_at.toISOString()
	};
}
