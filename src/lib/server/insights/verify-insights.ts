import type { Citation, InsightItem, InsightSection, MeetingInsights } from '../../insights/types';
import type { Material, MaterialEntry } from './material';
import type { RawInsights, RawItem } from './insights-schema';

export interface VerifiedInsights {
	insights: MeetingInsights;
	/** Items dropped because none of their citations exists. */
	dropped: number;
	/** Action items kept whose owner is not a participant. */
	flagged: number;
	/** Citations the model wrote, and those that exist. */
	citations: { written: number; kept: number };
}

const SECTIONS: InsightSection[] = ['keyPoints', 'decisions', 'actionItems', 'openQuestions'];
const MAX_TEXT = 400;

/**
 * Holds the model to the transcript: each citation must name a line or chat message that
 * exists (unknown ones are removed), an item left with none is dropped, and an action
 * item's owner must be a participant (otherwise it is kept, without an owner, and flagged).
 */
export function verifyInsights(raw: RawInsights, material: Material): VerifiedInsights {
	const byId = new Map(material.entries.map((e) => [e.id, e]));
	let dropped = 0;
	let flagged = 0;
	let written = 0;
	let kept = 0;
	const insights: MeetingInsights = { summary: clean(raw.summary, 1200), keyPoints: [], decisions: [], actionItems: [], openQuestions: [] };

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
				const owner = ownerOf(item, material.participants);
				Object.assign(verified, owner);
				if (owner.unconfirmedOwner) flagged++;
				verified.due = item.due ? clean(item.due, 60) || null : null;
			}
			insights[section].push(verified);
		}
	}
	return { insights, dropped, flagged, citations: { written, kept } };
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

function ownerOf(item: RawItem, participants: string[]): Pick<InsightItem, 'owner' | 'unconfirmedOwner'> {
	const named = item.owner ? clean(item.owner, 80) : '';
	if (!named || /^(none|null|n\/a|unknown|unassigned|everyone|all|team)$/i.test(named)) return { owner: null };
	const owner = matchParticipant(named, participants);
	return owner ? { owner } : { owner: null, unconfirmedOwner: named };
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
