import type { Citation, InsightItem, InsightSection, MeetingInsights } from '../../insights/types';
import type { Material, MaterialEntry } from './material';
import type { RawInsights, RawItem } from './insights-schema';

export interface VerifiedInsights {
	insights: MeetingInsights;
	/** Items dropped because none of their citations exists. */
	dropped: number;
	/** Action items kept whose owner is not a participant, or not in the lines the item cites. */
	flagged: number;
	/** Action items whose due date the cited lines do not hold: replaced by the one they hold, or none. */
	duesCorrected: number;
	/** Citations the model wrote, and those that exist. */
	citations: { written: number; kept: number };
}

const SECTIONS: InsightSection[] = ['keyPoints', 'decisions', 'actionItems', 'openQuestions'];
const MAX_TEXT = 400;

/**
 * Holds the model to the transcript: each citation must name a line or chat message that
 * exists (unknown ones are removed), an item left with none is dropped, and an action
 * item's owner must be a participant who speaks or is named in the lines it cites (otherwise
 * it is kept, without an owner, and flagged). Its due date must be said in those lines: one
 * that is not (a small model borrows dates from nearby sentences) becomes the one deadline
 * the lines do say, or none.
 */
export function verifyInsights(raw: RawInsights, material: Material): VerifiedInsights {
	const byId = new Map(material.entries.map((e) => [e.id, e]));
	let dropped = 0;
	let flagged = 0;
	let duesCorrected = 0;
	let written = 0;
	let kept = 0;
	const insights: MeetingInsights = { summary: clean(raw.summary, 1200), keyPoints: [], decisions: [], actionItems: [], openQuestions: [] };
	// Each action item kept: its lines, with the request they answer or the answer they got.
	const exchanges = new Map<InsightItem, Set<MaterialEntry>>();

	for (const section of SECTIONS) {
		const seen = new Set<string>();
		for (const item of raw[section]) {
			const text = clean(item.text, MAX_TEXT);
			const ids = [...new Set(item.citations.map(citationId).filter((id): id is string => id !== null))];
			written += item.citations.length;
			const found = ids.map((id) => byId.get(id)).filter((e): e is MaterialEntry => e !== undefined);
			kept += found.length;
			if (!text || !found.length || seen.has(text.toLowerCase())) {
				if (text && !found.length) dropped++;
				continue;
			}
			seen.add(text.toLowerCase());
			const verified: InsightItem = { text, citations: found.sort((a, b) => a.at - b.at).map(toCitation) };
			if (section === 'actionItems') {
				const owner = ownerOf(item, material.participants, found);
				Object.assign(verified, owner);
				const due = item.due ? clean(item.due, 60) || null : null;
				const exchange = [...found, ...answersTo(found, verified.owner ?? null, material.entries), ...requestsOf(found, verified.owner ?? null, material.entries)];
				verified.due = dueOf(due, verified.owner ?? null, exchange);
				// The same task listed twice (same owner, much the same words, a line of the same request and answer in common): one item, citing both's lines.
				const twin =
					verified.owner &&
					insights.actionItems.find((a) => a.owner === verified.owner && alike(a.text, text) && exchange.some((e) => exchanges.get(a)?.has(e)));
				if (twin) {
					twin.citations = [...twin.citations, ...verified.citations.filter((v) => !twin.citations.some((c) => c.ref === v.ref && c.kind === v.kind))].sort((a, b) => a.at - b.at);
					continue;
				}
				exchanges.set(verified, new Set(exchange));
				if (owner.unconfirmedOwner) flagged++;
				if (verified.due !== due) duesCorrected++;
			}
			insights[section].push(verified);
		}
	}
	// A task someone will do is an action item, not a decision: a decision that only restates one goes.
	insights.decisions = insights.decisions.filter((d) => !insights.actionItems.some((a) => restates(d.text, a.text)));
	return { insights, dropped, flagged, duesCorrected, citations: { written, kept } };
}

/** `T12`, `[T12]`, `t12`, `T12 03:41` → `T12`; anything else → null. */
export function citationId(value: unknown): string | null {
	const match = /\b([TC])(\d{1,5})\b/i.exec(String(value));
	return match ? `${match[1]!.toUpperCase()}${Number(match[2])}` : null;
}

/**
 * The participant a name means: exact (any case), else the only participant with that first
 * name, else the only one whose name contains it as a word. Null when none or several match.
 */
export function matchParticipant(name: string, participants: string[]): string | null {
	const wanted = normalize(name);
	if (!wanted) return null;
	const exact = participants.filter((p) => normalize(p) === wanted);
	if (exact.length === 1) return exact[0]!;
	const first = participants.filter((p) => normalize(p).split(' ')[0] === wanted.split(' ')[0] && !wanted.includes(' '));
	if (first.length === 1) return first[0]!;
	const word = participants.filter((p) => ` ${normalize(p)} `.includes(` ${wanted} `));
	return word.length === 1 ? word[0]! : null;
}

function ownerOf(item: RawItem, participants: string[], cited: MaterialEntry[]): Pick<InsightItem, 'owner' | 'unconfirmedOwner'> {
	const named = item.owner ? clean(item.owner, 80) : '';
	const taker = takerIn(cited, participants);
	if (!named || /^(none|null|n\/a|unknown|unassigned|everyone|all|team)$/i.test(named)) return taker ? { owner: taker } : { owner: null };
	const owner = matchParticipant(named, participants);
	if (owner && taker && owner !== taker) return { owner: taker }; // the model named who asked, not who will do it
	return owner && inLines(owner, cited) ? { owner } : taker ? { owner: taker } : { owner: null, unconfirmedOwner: named };
}

const COMMITS = /\b(?:i will|i'll|i am going to|i'm going to|i shall|i can do|let me)\b/i;

function sentences(text: string): string[] {
	return text.split(/(?<=[.!?])\s+/).filter(Boolean);
}

/** Someone's name followed by a request ("Ada, can you…", "Ada, please…"). */
function asks(sentence: string, participant: string): boolean {
	const first = participant.split(/\s+/)[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`\\b${first}\\s*,\\s*(?:can you|could you|would you|will you|please)\\b`, 'i').test(sentence);
}

/**
 * Who takes the task on, by the lines alone: the one participant who says "I will…" in them or
 * is asked by name ("Ada, can you…"); null when none or several are.
 */
export function takerIn(lines: Pick<MaterialEntry, 'speaker' | 'text'>[], participants: string[]): string | null {
	const takers = new Set<string>();
	for (const line of lines) {
		for (const sentence of sentences(line.text)) {
			if (COMMITS.test(sentence)) {
				const speaker = matchParticipant(line.speaker, participants);
				if (speaker) takers.add(speaker);
			}
			for (const p of participants) if (asks(sentence, p)) takers.add(p);
		}
	}
	return takers.size === 1 ? [...takers][0]! : null;
}

/**
 * The due date as said for this task: the deadline in the owner's own "I will…" sentence, else
 * in the request that names them; else the model's, when the cited lines say it (a small model
 * borrows dates from nearby sentences); else the one deadline the lines say, or none.
 */
export function dueOf(due: string | null, owner: string | null, cited: Pick<MaterialEntry, 'speaker' | 'text'>[]): string | null {
	if (owner) {
		const own = cited.filter((l) => l.speaker === owner).flatMap((l) => sentences(l.text).filter((s) => COMMITS.test(s)));
		const asked = cited.flatMap((l) => sentences(l.text).filter((s) => asks(s, owner)));
		const said = deadlineIn(own) ?? deadlineIn(asked);
		if (said) return due && dueSaidIn(due, [said]) ? due : said;
	}
	const lines = cited.map((e) => e.text);
	return due && !dueSaidIn(due, lines) ? deadlineIn(lines) : due;
}

const FILLER = new Set(['the', 'a', 'an', 'to', 'for', 'of', 'and', 'with', 'on', 'in', 'by', 'we', 'will', 'our']);

/**
 * The owner's answer to a request the item cites ("Ada, can you…?" → "Yes, I will… tomorrow"):
 * their next line within the two that follow, when it takes something on. A small model often
 * cites the request alone, and the deadline is in the answer.
 */
function answersTo(cited: MaterialEntry[], owner: string | null, entries: MaterialEntry[]): MaterialEntry[] {
	if (!owner) return [];
	const answers: MaterialEntry[] = [];
	for (const request of cited.filter((c) => sentences(c.text).some((s) => asks(s, owner)))) {
		const at = entries.indexOf(request);
		const answer = entries.slice(at + 1, at + 3).find((e) => e.speaker === owner);
		if (answer && !cited.includes(answer) && sentences(answer.text).some((s) => COMMITS.test(s))) answers.push(answer);
	}
	return answers;
}

/** The request a cited "I will…" line of the owner answers: the line within the two before it that asks them by name. */
function requestsOf(cited: MaterialEntry[], owner: string | null, entries: MaterialEntry[]): MaterialEntry[] {
	if (!owner) return [];
	const requests: MaterialEntry[] = [];
	for (const answer of cited.filter((c) => c.speaker === owner && sentences(c.text).some((s) => COMMITS.test(s)))) {
		const at = entries.indexOf(answer);
		const request = entries.slice(Math.max(0, at - 2), at).find((e) => sentences(e.text).some((s) => asks(s, owner)));
		if (request && !cited.includes(request)) requests.push(request);
	}
	return requests;
}

/** Two texts share at least half the words of the shorter one. */
function alike(a: string, b: string): boolean {
	const x = [...new Set(words(a).filter((w) => !FILLER.has(w)).map(stem))];
	const y = new Set(words(b).filter((w) => !FILLER.has(w)).map(stem));
	const shorter = Math.min(x.length, y.size);
	return shorter > 0 && x.filter((w) => y.has(w)).length / shorter >= 0.5;
}

/** Most (three quarters) of the decision's words are in the action item's text. */
export function restates(decision: string, actionItem: string): boolean {
	const mine = words(decision).filter((w) => !FILLER.has(w));
	const theirs = new Set(words(actionItem).map(stem));
	return mine.length > 0 && mine.filter((w) => theirs.has(stem(w))).length / mine.length >= 0.75;
}

function stem(word: string): string {
	return word.replace(/(?:ing|ed|s)$/, '').replace(/e$/, ''); // updates, updated, update → updat
}

/** The participant speaks one of the lines, or one of them names them (any of their names' words). */
export function inLines(participant: string, lines: Pick<MaterialEntry, 'speaker' | 'text'>[]): boolean {
	const names = normalize(participant).split(' ').filter((w) => w.length > 1);
	return lines.some((l) => normalize(l.speaker) === normalize(participant) || names.some((n) => words(l.text).includes(n)));
}

// Words a deadline is said with that carry no date of their own.
const DUE_FILLER = new Set(['by', 'before', 'until', 'till', 'on', 'the', 'of', 'at', 'in', 'no', 'later', 'than', 'this', 'a', 'an']);

/** Every word of the due date that names a time ("Thursday", "5th", "October", "end", "month") is in the lines. */
export function dueSaidIn(due: string, lines: string[]): boolean {
	const said = new Set(lines.flatMap(words));
	const wanted = words(due).filter((w) => !DUE_FILLER.has(w));
	return wanted.length > 0 && wanted.every((w) => said.has(w));
}

const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
const ORDINAL = '(?:\\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]\\w+|thirtieth|thirty[- ]first)';
const DEADLINE = new RegExp(
	[
		`\\b(?:by|before|until|till|on|no later than)\\s+(?:next\\s+|this\\s+)?${DAY}\\b`,
		`\\bnext\\s+(?:${DAY}|week|month|year)\\b`,
		`\\b(?:by|before|until)\\s+(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+|next\\s+)?(?:day|week|month|quarter|year|${MONTH})\\b`,
		`\\b(?:by|before|until|on)\\s+the\\s+${ORDINAL}(?:\\s+(?:of\\s+)?${MONTH})?\\b`,
		`\\b(?:by|before|until|on)\\s+${MONTH}\\s+${ORDINAL}\\b`,
		`\\b(?:tomorrow|tonight|today)\\b`
	].join('|'),
	'gi'
);

/**
 * The deadline the lines say, as said ("by Thursday", "tomorrow", "before the 5th of October"),
 * when they say exactly one (the same day said again counts once, as first said); otherwise none.
 */
export function deadlineIn(lines: string[]): string | null {
	const found = new Map<string, string>();
	for (const line of lines) {
		for (const m of line.matchAll(DEADLINE)) {
			const key = words(m[0]).filter((w) => !DUE_FILLER.has(w)).join(' ');
			if (!found.has(key)) found.set(key, m[0].replace(/\s+/g, ' ')); // the first saying of it
		}
	}
	return found.size === 1 ? [...found.values()][0]! : null;
}

function words(text: string): string[] {
	return normalize(text).replace(/[']/g, ' ').split(/[\s-]+/).filter(Boolean);
}

function toCitation(e: MaterialEntry): Citation {
	return { kind: e.kind, ref: e.ref, at: e.at, speaker: e.speaker };
}

function normalize(name: string): string {
	return name.toLowerCase().replace(/[^\p{L}\p{N}' -]/gu, '').replace(/\s+/g, ' ').trim();
}

function clean(text: string, max: number): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
