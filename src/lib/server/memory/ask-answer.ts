/**
 * The pure parts of Ask: how retrieved passages are labelled for the engine, the prompt, how
 * its answer is read back into claims with citations, and the rule that keeps a claim only
 * when the passages it cites exist and say what it says.
 */
import type { MeetingPassage } from './meeting-passage';

/** One passage as the engine sees it: `[P3]`. */
export type LabelledPassage = Omit<MeetingPassage, 'passageId'> & { label: string };

/** A sentence of the answer and the labels it cites (`P3`), as written. */
export interface DraftClaim {
	text: string;
	labels: string[];
}

/** What the engine is told to answer when the passages hold nothing on the question. */
export const NOT_FOUND_MARK = 'NOT_FOUND';
/** Longest passage text shown to the engine, in characters. */
export const MAX_PASSAGE_CHARS = 600;

/** `1:05:09`, `4:07`: the moment in the meeting as the record page shows it. */
export function clock(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const hh = Math.floor(s / 3600);
	const mm = Math.floor((s % 3600) / 60);
	const ss = String(s % 60).padStart(2, '0');
	return hh ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/**
 * Passages in the order a reader meets them (meeting by meeting, oldest first; within one,
 * by time), labelled P1…Pn.
 */
export function labelPassages<P extends Omit<LabelledPassage, 'label'>>(passages: P[]): (P & { label: string })[] {
	return [...passages]
		.sort((a, b) => a.meetingStartedAt.localeCompare(b.meetingStartedAt) || a.sessionId.localeCompare(b.sessionId) || a.at - b.at)
		.map((p, i) => ({ ...p, label: `P${i + 1}` }));
}

function oneLine(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** One passage's line in the prompt: label, meeting date, room, time, who, and what was said. */
export function passageLine(p: LabelledPassage): string {
	const day = p.meetingStartedAt.slice(0, 10);
	const room = p.roomName ? `${p.roomName} (${p.roomCode})` : p.roomCode;
	const who = p.kind === 'transcript' || p.kind === 'chat' ? (p.speaker ?? 'someone') : p.kind;
	const how = p.kind === 'chat' ? ' in the chat' : p.kind === 'board' ? ' on the whiteboard' : p.kind === 'insight' ? ' (meeting notes)' : '';
	return `[${p.label}] ${day} · ${room} · ${clock(p.at)} · ${who}${how}: ${oneLine(p.text, MAX_PASSAGE_CHARS)}`;
}

// One worked example: small local models copy the form of an example far better than they
// follow a description of it. Its content is unrelated to any meeting (and its labels name
// no passage given, so a copied sentence would not survive verification).
const EXAMPLE = [
	'Example.',
	'Passages:',
	'[P1] Kim: The printer on the second floor is broken until Monday.',
	'[P2] Lee: Sorry, I was on mute.',
	'Question: When will the printer work again?',
	'Answer: The printer on the second floor is broken until Monday [P1].',
	'',
	'Now the real passages.'
].join('\n');

/** The instructions and the material for one question. */
export function askPrompt(question: string, passages: LabelledPassage[]): { system: string; prompt: string } {
	const system = [
		'You answer a question about past meetings from numbered passages (what people said, chat, notes).',
		'Answer with one to three short sentences taken from the passages, each ending with the labels of the passages that say it, like [P2].',
		'Do not add anything the passages do not say.',
		`Write ${NOT_FOUND_MARK} only when no passage answers the question.`,
		'Answer in the language of the question.'
	].join('\n');
	const prompt = [EXAMPLE, 'Passages:', ...passages.map(passageLine), '', `Question: ${oneLine(question, 500)}`, 'Answer:'].join('\n');
	return { system, prompt };
}

// `[P3]`, `[P3, P5]`, `[P3; 5]`, `(P3)`, `【P3】`: one group of citations.
const GROUP = /[[(【]\s*P\s*\d{1,3}(?:\s*[,;&]\s*(?:and\s+)?P?\s*\d{1,3})*\s*[\])】]/gi;

/** Whether the engine said it found nothing (its mark, or words to that effect, with no citation at all). */
export function saysNotFound(answer: string): boolean {
	if (new RegExp(`\\b${NOT_FOUND_MARK}\\b`).test(answer)) return true;
	if (new RegExp(GROUP.source, 'i').test(answer)) return false;
	return /\bnot (?:found|mentioned|discussed)\b|\bno (?:information|passage|mention)\b|\bdo(?:es)? not (?:say|mention|answer)/i.test(answer);
}

/**
 * The answer read as claims: each sentence with the citation groups inside it or right after
 * it (a group that stands alone after a full stop belongs to the sentence before).
 */
export function parseClaims(answer: string): DraftClaim[] {
	const claims: DraftClaim[] = [];
	// A sentence ends at . ! ? (not inside a number like 3.5) or at a line break, with any citation groups that follow.
	// Claims before a line break do not take the citations of the lines after it.
	const breaks = new Set<number>();
	const paragraphs = answer.replace(/\r/g, '').split(/\n+/);
	for (const paragraph of paragraphs) {
		for (const piece of paragraph.split(/(?<=[.!?。])(?!\d)(?=\s|[[(【])/)) {
			take(piece);
		}
		if (claims.length) breaks.add(claims.length - 1);
	}
	function take(piece: string) {
		const labels = [...piece.matchAll(GROUP)].flatMap((g) => [...g[0].matchAll(/\d{1,3}/g)].map((n) => `P${Number(n[0])}`));
		const text = piece
			.replace(GROUP, ' ')
			.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '')
			.replace(/\s+([.,;:!?])/g, '$1')
			.replace(/\s+/g, ' ')
			.trim();
		const words = /[\p{L}\p{N}]/u.test(text);
		if (!words && labels.length && claims.length) {
			claims[claims.length - 1]!.labels.push(...labels);
			return;
		}
		if (words) claims.push({ text, labels });
	}
	// A citation at the end of a run of sentences covers the run ("A. B [P2]." cites P2 for A and B).
	for (let i = claims.length - 2; i >= 0; i--) {
		if (!claims[i]!.labels.length && !breaks.has(i)) claims[i]!.labels = [...claims[i + 1]!.labels];
	}
	return claims.map((c) => ({ text: c.text, labels: [...new Set(c.labels)] }));
}

// Words that carry no claim of their own (English, French, German, Spanish), and Ask's own framing.
const STOP_WORDS = new Set(
	(
		'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those there here ' +
		'he she they we you i me my our your his her their them us what which who whom when where why how do does did done have has had ' +
		'will would shall should can could may might must not no yes so than then also about into over under after before during said says say ' +
		'meeting meetings passage passages according mentioned mention stated discussed talked agreed told asked one some any all ' +
		'le la les un une des de du et ou mais est sont était a ont dans sur pour par avec que qui quoi nous vous ils elles il elle ce cette ' +
		'der die das ein eine und oder aber ist sind war wir sie er es mit für von zu im auf dass wer was wann ' +
		'el los las una unos y o pero es son fue en con por para que quien nosotros ellos ella se lo del al'
	).split(' ')
);

/** The content words of a text, lower-cased: what a claim asserts. */
export function contentWords(text: string): string[] {
	return (text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [])
		.map((w) => w.replace(/['’]s$/, ''))
		.filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/** Two words are one when they are equal, or (both 4+ letters, no digits) share their first min(5, shorter) letters: decide/decided, ship/shipping. */
function sameWord(a: string, b: string): boolean {
	if (a === b) return true;
	if (/\d/.test(a) || /\d/.test(b) || a.length < 4 || b.length < 4) return false;
	const n = Math.min(5, a.length, b.length);
	return a.slice(0, n) === b.slice(0, n);
}

/** Share of a claim's content words found in `support` at which it counts as said there. */
export const MIN_SUPPORT = 0.6;

// Days and months (en, fr, de, es): a claim that names one must find that very one.
const DATE_WORDS = new Set(
	(
		'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
		'lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre ' +
		'montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz juni juli oktober dezember ' +
		'lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'
	).split(' ')
);

/** Words a claim may not change: numbers, days and months, and names (capitalised words that are not stop words, the first one too: "Bo will…"). */
function exactWords(claim: string): string[] {
	const words = claim.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
	const names = words.filter((w) => /^\p{Lu}/u.test(w) && !STOP_WORDS.has(w.toLowerCase()) && w.length > 1);
	return [...names.map((w) => w.toLowerCase()), ...contentWords(claim).filter((w) => /\d/.test(w) || DATE_WORDS.has(w))];
}

/**
 * Whether `support` (the cited passages, with their speakers) says what `claim` says: every
 * number, day, month and name in the claim appears there, and at least MIN_SUPPORT of its
 * content words do. A claim with no content word is no claim.
 */
export function supports(claim: string, support: string): boolean {
	const words = [...new Set(contentWords(claim))];
	if (!words.length) return false;
	const have = [...new Set(contentWords(support))];
	const found = (w: string) => have.some((h) => sameWord(w, h));
	if (!exactWords(claim).every((w) => have.includes(w) || (!/\d/.test(w) && !DATE_WORDS.has(w) && found(w)))) return false;
	return words.filter(found).length / words.length >= MIN_SUPPORT;
}

/** What verification kept: claims with their passages, how many were dropped, and how many were re-cited. */
export interface VerifiedClaims<P> {
	claims: { text: string; passages: P[] }[];
	dropped: number;
	/** Claims whose own citations did not say them, kept citing the one passage given that does. */
	recited: number;
}

// What meetings do, asked about in any question ("what did we decide about…"): no sign that a claim is on this one.
const MEETING_VERBS = new Set(
	'decide decided decides decision decisions agree agreement plan plans planned happen happened happens talk discuss say'.split(' ')
);

/** At most this many content words, a claim may be a bare fragment ("April 14"): its passages, not its words, must be on the question. */
const FRAGMENT_WORDS = 3;

const passageText = (p: LabelledPassage) => `${p.speaker ?? ''} ${p.text}`;
const overlap = (words: string[], text: string) => {
	const have = contentWords(text);
	return words.filter((w) => have.some((h) => sameWord(w, h))).length;
};

/**
 * Whether a claim is about the question: it shares one of the question's key terms, or it
 * is a bare fragment whose passages do. A question with no key term asks about anything.
 */
export function onQuestion(claim: string, cited: string, question: string): boolean {
	const terms = contentWords(keyTerms(question)).filter((w) => !MEETING_VERBS.has(w));
	if (!terms.length) return true;
	if (overlap(terms, claim) > 0) return true;
	return contentWords(claim).length <= FRAGMENT_WORDS && overlap(terms, cited) > 0;
}

/**
 * Holds the draft to the passages: a claim must be on the question, its citations must name
 * passages given (unknown labels are removed), and together they must support it. When they
 * do not, but one passage given says it on its own, the claim cites that passage instead (a
 * small model often writes the right sentence with the wrong label); otherwise it is dropped.
 * A cited passage that shares no word with its claim is no citation of it. None kept → no answer.
 */
export function verifyClaims<P extends LabelledPassage>(draft: DraftClaim[], passages: P[], question = ''): VerifiedClaims<P> {
	const byLabel = new Map(passages.map((p) => [p.label, p]));
	const claims: VerifiedClaims<P>['claims'] = [];
	let dropped = 0;
	let recited = 0;
	for (const claim of draft) {
		const words = contentWords(claim.text);
		let cited = claim.labels.map((l) => byLabel.get(l)).filter((p): p is P => p !== undefined);
		if (!cited.length || !supports(claim.text, cited.map(passageText).join(' '))) {
			const saying = passages.filter((p) => supports(claim.text, passageText(p))).sort((a, b) => overlap(words, passageText(b)) - overlap(words, passageText(a)));
			cited = saying.slice(0, 1);
			if (cited.length) recited++;
		}
		if (!cited.length || !onQuestion(claim.text, cited.map(passageText).join(' '), question) || claims.some((c) => c.text === claim.text)) {
			dropped++;
			continue;
		}
		// Of the passages cited, those that say part of it.
		const saying = cited.filter((p) => overlap(words, passageText(p)) > 0);
		claims.push({ text: claim.text, passages: saying.sort((a, b) => a.meetingStartedAt.localeCompare(b.meetingStartedAt) || a.at - b.at) });
	}
	return { claims, dropped, recited };
}

/** The words of a question worth searching for on their own ("what did we decide about the Denver office?" → "decide Denver office"). */
export function keyTerms(question: string): string {
	const asked = new Set(['what', 'when', 'who', 'where', 'why', 'how', 'which', 'many', 'much', 'anyone', 'someone', 'tell', 'know']);
	return (question.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP_WORDS.has(w.toLowerCase()) && !asked.has(w.toLowerCase()) && w.length > 1).join(' ');
}
