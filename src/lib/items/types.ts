/**
 * A tracked action item of a room: what the insights of its meetings asked someone to do,
 * kept across meetings (merged when the same item recurs), edited by hosts and by its owner.
 * The shape the browser, the exports and the outgoing webhook share.
 */
export type ItemStatus = 'open' | 'done' | 'dropped';

/** One meeting moment where the item was said (a checked insight citation). */
export interface ItemMention {
	sessionId: string;
	/** When that meeting started (ISO). */
	meetingStartedAt: string;
	/** Seconds since the meeting started, where the record page seeks. */
	at: number;
	speaker: string;
	/** The transcript line's segment id, or the chat message's sequence. */
	ref: string;
	kind: 'line' | 'chat';
}

export interface TrackedItem {
	id: string;
	roomCode: string;
	text: string;
	owner: string | null;
	/** The due date as it was said ("Friday", "end of March"). */
	dueText: string | null;
	/** The due date resolved against the meeting's date (YYYY-MM-DD), when it could be. */
	dueDate: string | null;
	status: ItemStatus;
	/** Oldest first; the first is where the item was first said. */
	mentions: ItemMention[];
	createdAt: string;
	updatedAt: string;
	doneAt: string | null;
}

/** What the outgoing webhook sends. */
export type ItemEventType = 'item.created' | 'item.updated' | 'item.recurred';
