import type { ParticipantRole } from '../access/roles';

/** Longest chat message, in characters after trimming; the server and the input both hold to it. */
export const CHAT_MAX_LENGTH = 2000;

/** The LiveKit data topic chat messages are broadcast on. */
export const CHAT_TOPIC = 'chat';

/** A stored chat message as browsers see it; `seq` is the server sequence (order and dedupe). */
export interface ChatMessage {
	seq: number;
	senderIdentity: string;
	senderName: string;
	/** host, cohost or guest when it was sent (the badge); absent: a guest. */
	senderRole?: ParticipantRole;
	text: string;
	/** ISO 8601 */
	sentAt: string;
}

/** Chat history comes in pages of this many messages, newest page first. */
export const CHAT_PAGE_SIZE = 50;

/** One page of chat history: messages in order, and whether older ones exist. */
export interface ChatPage {
	messages: ChatMessage[];
	hasMore: boolean;
}
