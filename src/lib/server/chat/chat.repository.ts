import type { Db } from '../db';
import type { ChatMessageRow, NewChatMessage } from './chat.table';

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

export interface ChatSender {
	participantId: string;
	identity: string;
	displayName: string;
	sessionId: string;
}

/** The participant as a chat sender, when it is in the room's open session. */
export async function findChatSender(db: Db, code: string, participantId: string): Promise<ChatSender | undefined> {
	return db
		.selectFrom('participants as p')
		.innerJoin('rooms as r', 'r.id', 'p.room_id')
		.innerJoin('meeting_sessions as s', 's.id', 'p.session_id')
		.select(['p.id as participantId', 'p.identity', 'p.display_name as displayName', 's.id as sessionId'])
		.where('r.code', '=', code)
		.where('p.id', '=', participantId)
		.where('s.ended_at', 'is', null)
		.executeTakeFirst();
}
