import { DataPacket_Kind } from 'livekit-server-sdk';
import type { ParticipantRole } from '../../access/roles';
import { CHAT_MAX_LENGTH, CHAT_PAGE_SIZE, CHAT_TOPIC, type ChatMessage, type ChatPage } from '../../chat/message';
import type { AppContext } from '../app-context';
import type { ChatMessageRow, MeetingSession, Participant, Room } from '../db/schema';
import { clientKey } from '../rate-limit/client-key';
import { insertChatMessage, listChatMessages } from './chat.repository';

/** Who sends: a member of the room's current meeting (the route's guard asked the room policy). */
export interface ChatSender {
	room: Room;
	session: MeetingSession;
	participant: Participant;
	role: ParticipantRole;
}

export interface SendMessageInput {
	text: string;
	/** The browser's idempotency key for this message. */
	clientId: string;
	/** The client's address: messages are limited per participant and per address (a new participant is one join away). */
	client: string;
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

	for (const consume of [() => ctx.limits.chat.consume(sender.participant.id), () => ctx.limits.chatClient.consume(clientKey(input.client))]) {
		const decision = await consume();
		if (!decision.ok) return { ok: false, reason: 'rate_limited', retryAfterMs: decision.retryAfterMs };
	}

	const row = await insertChatMessage(ctx.db, {
		session_id: sender.session.id,
		participant_id: sender.participant.id,
		sender_identity: sender.participant.identity,
		sender_name: sender.participant.display_name,
		sender_role: sender.role,
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

/**
 * One page of a session's chat, in order: the newest messages, or those before sequence
 * `before` ("load earlier"). The caller's guard checked who may see it.
 */
export async function sessionChat(ctx: Pick<AppContext, 'db'>, sessionId: string, { before = null, limit = CHAT_PAGE_SIZE }: { before?: number | null; limit?: number } = {}): Promise<ChatPage> {
	const rows = await listChatMessages(ctx.db, sessionId, { before, limit: limit + 1 });
	const hasMore = rows.length > limit;
	return { messages: (hasMore ? rows.slice(1) : rows).map(toChatMessage), hasMore };
}

function toChatMessage(row: ChatMessageRow): ChatMessage {
	return {
		seq: Number(row.id),
		senderIdentity: row.sender_identity,
		senderName: row.sender_name,
		senderRole: row.sender_role === 'host' || row.sender_role === 'cohost' ? row.sender_role : 'guest',
		text: row.text,
		sentAt: row.created_at.toISOString()
	};
}
