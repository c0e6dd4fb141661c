import { nameKey } from '../forms/display-name';

/**
 * When a new action item is the same as one the room already tracks. The rule:
 * - both texts become their *merge words*: NFKC, lower case, punctuation dropped, common
 *   function words dropped ("the", "to", "a", "by", "will"…, English only), each word cut to
 *   a stem-lite (plural/tense endings: "sending"/"sends"/"sent" stay apart from "send" only
 *   for irregular forms);
 * - they are the same when the words agree: Jaccard similarity ≥ 0.6, or one's words hold at
 *   least 80% of the other's when the shorter has three words or more ("send the contract"
 *   and "Send the signed contract to Acme" are one item);
 * - and the owners agree: both named and different (name key compare) is never the same item;
 *   an item without an owner may match one with.
 * Dropped items never take new mentions (the host said it will not be done): a recurrence
 * of a dropped item starts a new one. The best match wins; ties go to the most recent.
 */

const STOPWORDS = new Set(
	'a an the to of for and or in on at by with from into onto up about as is are be been will shall should must would could can may might do does did done it its this that these those our your their his her my we you they he she i me us them please also then next new before after until till due get make sure'.split(' ')
);

const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'edly', 'ies', 'ied', 'ed', 'es', 'ly', 's'];

/** "sending" → "send", "updates" → "updat", "updated" → "updat": endings cut, never below three letters. */
export function stem(word: string): string {
	for (const suffix of SUFFIXES) {
		if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
			const base = word.slice(0, -suffix.length);
			return suffix === 'ies' || suffix === 'ied' ? base + 'y' : base.endsWith('e') ? base.slice(0, -1) : base;
		}
	}
	return word.endsWith('e') && word.length > 3 ? word.slice(0, -1) : word;
}

/** The item's merge words, sorted and unique (what `merge_key` stores, space-separated). */
export function mergeWords(text: string): string[] {
	const words = text
		.normalize('NFKC')
		.toLocaleLowerCase('en')
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w && !STOPWORDS.has(w))
		.map(stem);
	return [...new Set(words)].sort();
}

export function mergeKey(text: string): string {
	return mergeWords(text).join(' ');
}

/** How alike two sets of merge words are: the Jaccard index, or the containment when it decides. */
export function similarity(a: string[], b: string[]): number {
	if (!a.length || !b.length) return 0;
	const setB = new Set(b);
	const shared = a.filter((w) => setB.has(w)).length;
	const jaccard = shared / (a.length + b.length - shared);
	const shorter = Math.min(a.length, b.length);
	const containment = shorter >= 3 ? shared / shorter : 0;
	return containment >= 0.8 ? Math.max(jaccard, containment) : jaccard;
}

export const SAME_ITEM = 0.6;

/** Whether two owners may be the same person's item: either unnamed, or the same name key. */
export function ownersAgree(a: string | null, b: string | null): boolean {
	if (!a?.trim() || !b?.trim()) return true;
	return nameKey(a) === nameKey(b);
}

export interface MergeCandidate {
	id: string;
	mergeKey: string;
	owner: string | null;
	status: 'open' | 'done' | 'dropped';
	/** Newer wins a tie. */
	updatedAt: number;
}

/** The tracked item a new item is the same as, or null: a new item. */
export function findSameItem(item: { text: string; owner: string | null }, candidates: MergeCandidate[]): string | null {
	const words = mergeWords(item.text);
	let best: { id: string; score: number; updatedAt: number } | null = null;
	for (const c of candidates) {
		if (c.status === 'dropped' || !ownersAgree(item.owner, c.owner)) continue;
		const score = similarity(words, c.mergeKey ? c.mergeKey.split(' ') : []);
		if (score < SAME_ITEM) continue;
		if (!best || score > best.score || (score === best.score && c.updatedAt > best.updatedAt)) best = { id: c.id, score, updatedAt: c.updatedAt };
	}
	return best?.id ?? null;
}
