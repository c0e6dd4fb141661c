import { m } from '#lib/paraglide/messages';

/** A moment an insight rests on: a transcript line (by segment id) or a chat message (by sequence). */
export interface Citation {
	kind: 'line' | 'chat';
	/** The transcript line's segmentId, or the chat message's sequence as a string. */
	ref: string;
	/** Seconds since the meeting started (where the player seeks). */
	at: number;
	/** Who said or wrote it. */
	speaker: string;
}

export interface InsightItem {
	text: string;
	citations: Citation[];
	/** Action items: a participant of the meeting, as the transcript names them. */
	owner?: string | null;
	/** Action items: an owner the model named who is not a participant (shown, flagged). */
	unconfirmedOwner?: string;
	/** Action items: the due date as it was said ("Friday", "end of March"). */
	due?: string | null;
}

export interface MeetingInsights {
	summary: string;
	keyPoints: InsightItem[];
	decisions: InsightItem[];
	actionItems: InsightItem[];
	openQuestions: InsightItem[];
}

export type InsightSection = Exclude<keyof MeetingInsights, 'summary'>;

/** Each list with its heading, in the reader's language (read at use: the server answers many languages). */
export const INSIGHT_SECTIONS: { readonly key: InsightSection; readonly title: string }[] = [
	{ key: 'keyPoints', get title() { return m.record_key_points(); } },
	{ key: 'decisions', get title() { return m.record_decisions(); } },
	{ key: 'actionItems', get title() { return m.record_action_items(); } },
	{ key: 'openQuestions', get title() { return m.record_open_questions(); } }
];

/** Where a session's insights are. `off`: no engine is configured. */
export type InsightsStatus = 'none' | 'off' | 'pending' | 'running' | 'ready' | 'failed';

/** What the record page and the in-call panel show about insights. */
export interface InsightsView {
	status: InsightsStatus;
	/** A line for the reader: the stage, the reason of a failure, or how to turn insights on. */
	detail: string | null;
	engine: string | null;
	model: string | null;
	insights: MeetingInsights | null;
	/** Items the model wrote whose citations did not exist: never shown. */
	dropped: number;
	/** Items kept with an owner who is not a participant. */
	flagged: number;
	generatedAt: string | null;
}
