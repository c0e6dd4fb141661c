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

/** Up to `limit` of a session's messages before sequence `before` (the newest when null), in sequence order. */
export async function listChatMessages(db: Db, sessionId: string, { before, limit }: { before: number | null; limit: number }): Promise<ChatMessageRow[]> {
	let query = db.selectFrom('chat_messages').selectAll().where('session_id', '=', sessionId);
	if (before !== null) query = query.where('id', '<', String(before));
	const newestFirst = await query.orderBy('id', 'desc').limit(limit).execute();
	return newestFirst.reverse();
}

/** A session's whole chat in sequence order (insights and exports read it all). */
export async function allChatMessages(db: Db, sessionId: string): Promise<ChatMessageRow[]> {
	return db.selectFrom('chat_messages').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();
}
