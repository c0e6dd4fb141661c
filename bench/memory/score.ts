// How the memory bench scores what the engine wrote against the truth (dataset.ts). Pure, and
// table-tested in score.spec.ts.
import type { Keywords, TruthActionItem, TruthDecision } from './dataset';

/** What the engine wrote for one action item (as stored: owner already matched to a participant). */
export interface WrittenItem {
	text: string;
	owner?: string | null;
	due?: string | null;
}

export interface Counts {
	/** Written items that match a required truth item (one-to-one). */
	tp: number;
	/** Written items that match no truth item (a mention of an optional one is neither). */
	fp: number;
	/** Required truth items no written item matches. */
	fn: number;
}

export interface ItemScore {
	/** Text, owner and due date all right. */
	full: Counts;
	/** The text alone. */
	text: Counts;
	/** For the report: each required truth item, and what matched it fully (or by text only). */
	missed: string[];
	extra: string[];
}

export function normalize(text: string): string {
	return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** Every group has an alternative found in the text (word-prefix match: "laptop" finds "laptops"). */
export function keywordsMatch(text: string, keywords: Keywords): boolean {
	const haystack = normalize(text);
	return keywords.every((group) => group.some((word) => haystack.includes(normalize(word).trimEnd())));
}

/** Same person: the written owner's first name is the truth's (both none also agree). */
export function ownerMatches(written: string | null | undefined, truth: string | null): boolean {
	const w = written?.trim() ? normalize(written).trim().split(' ')[0]! : null;
	const t = truth ? normalize(truth).trim().split(' ')[0]! : null;
	return w === t;
}

/** The due date as said: the written one holds one of the truth's alternatives; none said → none written. */
export function dueMatches(written: string | null | undefined, truth: string[] | null): boolean {
	const w = written?.trim() ? normalize(written) : null;
	if (truth === null) return w === null;
	return w !== null && truth.some((alt) => w.includes(normalize(alt)));
}

/**
 * The largest one-to-one pairing of written items with truth items where `fits` holds
 * (augmenting paths; the lists are small).
 */
export function maxPairing(writtenCount: number, truthCount: number, fits: (w: number, t: number) => boolean): Map<number, number> {
	const truthTaken = new Map<number, number>(); // truth index → written index
	const tryWritten = (w: number, seen: Set<number>): boolean => {
		for (let t = 0; t < truthCount; t++) {
			if (seen.has(t) || !fits(w, t)) continue;
			seen.add(t);
			const holder = truthTaken.get(t);
			if (holder === undefined || tryWritten(holder, seen)) {
				truthTaken.set(t, w);
				return true;
			}
		}
		return false;
	};
	for (let w = 0; w < writtenCount; w++) tryWritten(w, new Set());
	return new Map([...truthTaken].map(([t, w]) => [w, t])); // written index → truth index
}

function count<W extends { text: string }, T extends { keywords: Keywords; optional?: boolean }>(
	written: W[],
	truth: T[],
	fits: (w: W, t: T) => boolean
): Counts & { pairs: Map<number, number> } {
	const pairs = maxPairing(written.length, truth.length, (w, t) => fits(written[w]!, truth[t]!));
	let tp = 0;
	let fp = 0;
	written.forEach((w, i) => {
		const t = pairs.get(i);
		if (t !== undefined && !truth[t]!.optional) tp++;
		else if (t !== undefined) return; // a mention of an optional item
		else if (!truth.some((item) => item.optional && keywordsMatch(w.text, item.keywords))) fp++;
	});
	const required = truth.filter((t) => !t.optional).length;
	return { tp, fp, fn: required - tp, pairs };
}

/** Action items: right when the text matches AND the owner AND the due date are right; also the text alone. */
export function scoreActionItems(written: WrittenItem[], truth: TruthActionItem[]): ItemScore {
	const full = count(written, truth, (w, t) => keywordsMatch(w.text, t.keywords) && ownerMatches(w.owner, t.owner) && (t.optional || dueMatches(w.due, t.due)));
	const text = count(written, truth, (w, t) => keywordsMatch(w.text, t.keywords));
	const fullyMatched = new Set(full.pairs.values());
	const missed = truth.flatMap((t, i) => (t.optional || fullyMatched.has(i) ? [] : [t.label]));
	const extra = written.flatMap((w, i) => (full.pairs.has(i) ? [] : [`${w.text} (owner: ${w.owner ?? '-'}, due: ${w.due ?? '-'})`]));
	return { full: strip(full), text: strip(text), missed, extra };
}

/** Decisions: the text matches. */
export function scoreDecisions(written: { text: string }[], truth: TruthDecision[]): Counts & { missed: string[]; extra: string[] } {
	const result = count(written, truth, (w, t) => keywordsMatch(w.text, t.keywords));
	const matched = new Set(result.pairs.values());
	return {
		...strip(result),
		missed: truth.flatMap((t, i) => (matched.has(i) ? [] : [t.label])),
		extra: written.flatMap((w, i) => (result.pairs.has(i) ? [] : [w.text]))
	};
}

function strip(c: Counts & { pairs?: unknown }): Counts {
	return { tp: c.tp, fp: c.fp, fn: c.fn };
}

/** Recall and precision of summed counts (null when there is nothing to divide by). */
export function rates(counts: Counts[]): { recall: number | null; precision: number | null } & Counts {
	const sum = counts.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
	const round = (n: number) => Math.round(n * 1000) / 1000;
	return {
		...sum,
		recall: sum.tp + sum.fn ? round(sum.tp / (sum.tp + sum.fn)) : null,
		precision: sum.tp + sum.fp ? round(sum.tp / (sum.tp + sum.fp)) : null
	};
}

/** A search hit lands when it is in the right session, by the right speaker, within the line's time (± slack seconds). */
export function hitLands(
	hit: { sessionId: string; speaker: string | null; at: number },
	target: { sessionId: string; speaker: string; start: number; end: number },
	slack = 2
): boolean {
	return hit.sessionId === target.sessionId && ownerMatches(hit.speaker, target.speaker) && hit.at >= target.start - slack && hit.at <= target.end + slack;
}

/**
 * An Ask answer is right when it holds every key fact, or, when the answer is absent from the
 * meetings (no facts), when it says it was not found.
 */
export function answerCorrect(answer: { text: string; found: boolean }, facts: Keywords): boolean {
	if (!facts.length) return !answer.found;
	return answer.found && keywordsMatch(answer.text, facts);
}
