/** Longest chat message, in characters after trimming; the server and the input both hold to it. */
export const CHAT_MAX_LENGTH = 2000;

/** The LiveKit data topic chat messages are broadcast on. */
export const CHAT_TOPIC = 'chat';

/** A stored chat message as browsers see it; `seq` is the server sequence (order and dedupe). */
export interface ChatMessage {
	seq: number;
	senderIdentity: string;
	senderName: string;
	text: string;
	/** ISO 8601 */
	sentAt: string;
}
