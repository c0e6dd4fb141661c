import { DataPacket_Kind } from 'livekit-server-sdk';
import { CHAT_MAX_LENGTH, CHAT_TOPIC, type ChatMessage } from '../../chat/message';
import type { AppContext } from '../app-context';
import type { ChatMessageRow, MeetingSession, Participant, Room } from '../db/schema';
import { insertChatMessage, listChatMessages } from './chat.repository';

/** Who sends: a member of the room's current meeting (the route's guard asked the room policy). */
export interface ChatSender {
	room: Room;
	session: MeetingSession;
	participant: Participant;
}

export interface SendMessageInput {
	text: string;
	/** The browser's idempotency key for this message. */
	clientId: string;
}

export type SendMessageResult =
	| { ok: true; message: ChatMessage }
	| { ok: false; reason: 'empty' | 'too_long' }
	| { ok: false; reason: 'rate_limited'; retryAfterMs: number };

/**
 * Validates, rate-limits, stores, then broadcasts a chat message to the room (reliable data,
 * topic `chat`). The stored message is the truth: a failed broadcast is logged, and the
 * others get the message from history on their next load or reconnect.
 */
export async function sendMessage(ctx: AppContext, sender: ChatSender, input: SendMessageInput): Promise<SendMessageResult> {
	const text = input.text.trim();
	if (!text) return { ok: false, reason: 'empty' };
	if (text.length > CHAT_MAX_LENGTH) return { ok: false, reason: 'too_long' };

	const decision = await ctx.limits.chat.consume(sender.participant.id);
	if (!decision.ok) return { ok: false, reason: 'rate_limited', retryAfterMs: decision.retryAfterMs };

	const row = await insertChatMessage(ctx.db, {
		session_id: sender.session.id,
		participant_id: sender.participant.id,
		sender_identity: sender.participant.identity,
		sender_name: sender.participant.display_name,
		text,
		client_id: input.clientId
	});
	const message = toChatMessage(row);
	await broadcast(ctx, sender.room.code, message);
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

/** A session's whole chat, in order (the caller's guard checked who may see it). */
export async function sessionChat(ctx: Pick<AppContext, 'db'>, sessionId: string): Promise<ChatMessage[]> {
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
