import type { InsightItem, MeetingInsights } from '../../insights/types';
import type { TranscriptLine } from '../../transcript/types';
import type { PassageKind } from './meeting-passage';

/** One searchable passage of a meeting, before it is stored. */
export interface Passage {
	kind: PassageKind;
	speaker: string | null;
	/** Seconds since the meeting started. */
	at: number;
	/** Where it came from: a line's segment id, a chat sequence, an insight's section and index, a shape id. */
	ref: string | null;
	text: string;
}

/** What a meeting holds that its passages are made of. */
export interface MeetingMaterial {
	startedAt: Date;
	transcript: TranscriptLine[];
	chat: { id: string; senderName: string; text: string; createdAt: Date }[];
	insights: MeetingInsights | null;
	/** Notes and texts on the board; `author` is a participant identity, `createdAt` ms since the epoch. */
	board: { id: string; author: string; text: string; createdAt: number }[];
	/** Participant identity → display name (who wrote on the board). */
	names: Map<string, string>;
}

/** A speaker's consecutive lines join into one passage up to this many characters… */
export const PASSAGE_CHARS = 360;
/** …unless they paused longer than this (seconds): a new passage starts there. */
export const PASSAGE_GAP_SECONDS = 12;

const seconds = (value: number) => Math.max(0, Math.round(value * 10) / 10);

/** A speaker's consecutive lines, joined into passages that start at their first line (where a hit seeks). */
export function transcriptPassages(lines: TranscriptLine[]): Passage[] {
	const passages: Passage[] = [];
	let open: (Passage & { end: number }) | null = null;
	for (const line of lines) {
		const text = line.text.trim();
		if (!text) continue;
		const end = line.end ?? line.timestamp;
		const joins = open && open.speaker === line.speaker && open.text.length + text.length < PASSAGE_CHARS && line.timestamp - open.end <= PASSAGE_GAP_SECONDS;
		if (open && joins) {
			open.text += ` ${text}`;
			open.end = Math.max(open.end, end);
			continue;
		}
		if (open) passages.push(strip(open));
		open = { kind: 'transcript', speaker: line.speaker || null, at: seconds(line.timestamp), ref: line.segmentId ?? null, text, end };
	}
	if (open) passages.push(strip(open));
	return passages;
}

const strip = ({ end: _end, ...passage }: Passage & { end: number }): Passage => passage;

const SECTIONS = ['decisions', 'actionItems', 'keyPoints', 'openQuestions'] as const;

/** An item with who owns it and when it is due, as said: all of it is searchable. */
function itemText(item: InsightItem): string {
	const owner = item.owner ?? item.unconfirmedOwner;
	return [item.text, owner ? `(${owner})` : '', item.due ? `— ${item.due}` : ''].filter(Boolean).join(' ');
}

/** The summary (at the start) and each item at its first citation, said by whom it cites (an action item: its owner). */
export function insightPassages(insights: MeetingInsights | null): Passage[] {
	if (!insights) return [];
	const passages: Passage[] = [];
	if (insights.summary.trim()) passages.push({ kind: 'insight', speaker: null, at: 0, ref: 'summary', text: insights.summary.trim() });
	for (const section of SECTIONS) {
		(insights[section] ?? []).forEach((item, index) => {
			if (!item.text.trim()) return;
			const first = item.citations[0];
			const speaker = section === 'actionItems' ? (item.owner ?? first?.speaker ?? null) : (first?.speaker ?? null);
			passages.push({ kind: 'insight', speaker, at: seconds(first?.at ?? 0), ref: `${section}:${index}`, text: itemText(item) });
		});
	}
	return passages;
}

/** Every passage of a meeting: transcript, chat, insights and the board's texts. */
export function meetingPassages(material: MeetingMaterial): Passage[] {
	const since = (time: number) => seconds((time - material.startedAt.getTime()) / 1000);
	return [
		...transcriptPassages(material.transcript),
		...material.chat
			.filter((c) => c.text.trim())
			.map((c): Passage => ({ kind: 'chat', speaker: c.senderName, at: since(c.createdAt.getTime()), ref: c.id, text: c.text.trim() })),
		...insightPassages(material.insights),
		...material.board
			.filter((b) => b.text.trim())
			.map((b): Passage => ({ kind: 'board', speaker: material.names.get(b.author) ?? null, at: since(b.createdAt), ref: b.id, text: b.text.trim() }))
	];
}
