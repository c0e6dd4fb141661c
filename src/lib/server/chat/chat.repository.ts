import type { Db } from '../db';
import type { ChatMessageRow, NewChatMessage } from '../db/schema';

/**
 * Stores a message once per (participant, client id) and returns the stored row: a resend
 * of the same client id after a reconnect gets the original back, with its original sequence.
 */
export async function insertChatMessage(db: Db, message: NewChatMessage): Promise<ChatMessageRow> {
	const inserted = await db
		.insertInto('chat_messages')
		.values(message)
		.onConflict((oc) => oc.columns(['participant_id', 'client_id']).doNothing())
		.returningAll()
		.executeTakeFirst();
	if (inserted) return inserted;
	return db
		.selectFrom('chat_messages')
		.selectAll()
		.where('participant_id', '=', message.participant_id)
		.where('client_id', '=', message.client_id)
		.executeTakeFirstOrThrow();
}

/** A session's messages in sequence order. */
export async function listChatMessages(db: Db, sessionId: string): Promise<ChatMessageRow[]> {
	return db.selectFrom('chat_messages').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();
}
