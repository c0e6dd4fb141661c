import type { ColumnType, Insertable, Selectable } from 'kysely';

/** One chat message, kept with its meeting session. `id` (int8, read as a string) is the server sequence. */
export interface ChatMessageTable {
	id: ColumnType<string, never, never>;
	session_id: string;
	participant_id: string;
	sender_identity: string;
	sender_name: string;
	text: string;
	client_id: string;
	created_at: ColumnType<Date, Date | undefined, never>;
}

export type ChatMessageRow = Selectable<ChatMessageTable>;
export type NewChatMessage = Insertable<ChatMessageTable>;
