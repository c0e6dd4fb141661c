export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** Candidates start at a word boundary with http:// or https:// and run to whitespace or a quote/angle bracket. */
const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?*'"]$/;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

function count(text: string, char: string): number {
	return text.split(char).length - 1;
}

/** Drops trailing punctuation, and closing brackets the URL did not open (as in "(see https://x.y)"). */
function trimUrl(candidate: string): string {
	let url = candidate;
	for (;;) {
		const last = url.at(-1) ?? '';
		const opener = CLOSERS[last];
		if (TRAILING_PUNCTUATION.test(last)) url = url.slice(0, -1);
		else if (opener && count(url, last) > count(url, opener)) url = url.slice(0, -1);
		else return url;
	}
}

function isWebUrl(candidate: string): boolean {
	try {
		const url = new URL(candidate);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/**
 * Splits chat text into plain text and links, for rendering with text interpolation only.
 * Only http(s) URLs become links, so `javascript:` or `data:` never reach an href.
 */
export function linkify(text: string): TextPart[] {
	const parts: TextPart[] = [];
	const pushText = (value: string) => {
		if (!value) return;
		const previous = parts.at(-1);
		if (previous?.kind === 'text') previous.text += value;
		else parts.push({ kind: 'text', text: value });
	};
	let cursor = 0;
	for (const match of text.matchAll(CANDIDATE)) {
		const url = trimUrl(match[0]);
		if (!isWebUrl(url)) continue;
		pushText(text.slice(cursor, match.index));
		parts.push({ kind: 'link', text: url, href: url });
		cursor = match.index + url.length;
	}
	pushText(text.slice(cursor));
	return parts;
}
