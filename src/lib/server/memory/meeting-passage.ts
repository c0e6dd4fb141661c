/** What a passage is: a stretch of a meeting's transcript, a chat message, an insight or a board text. */
export type PassageKind = 'transcript' | 'chat' | 'insight' | 'board';

/** A stored passage with the meeting it belongs to: what search returns and Ask cites. */
export interface MeetingPassage {
	passageId: string;
	sessionId: string;
	roomCode: string;
	roomName: string | null;
	meetingStartedAt: string;
	kind: PassageKind;
	speaker: string | null;
	/** Seconds since the meeting started. */
	at: number;
	text: string;
}

/** The columns a query reads for one: memory_passages with its room's code and name and its meeting's start. */
export interface MeetingPassageRow {
	id: string;
	session_id: string;
	code: string;
	name: string | null;
	started_at: Date;
	kind: PassageKind;
	speaker: string | null;
	at: number;
	text: string;
}

export function meetingPassage(row: MeetingPassageRow): MeetingPassage {
	return {
		passageId: String(row.id),
		sessionId: row.session_id,
		roomCode: row.code,
		roomName: row.name,
		meetingStartedAt: row.started_at.toISOString(),
		kind: row.kind,
		speaker: row.speaker,
		at: Number(row.at),
		text: row.text
	};
}
