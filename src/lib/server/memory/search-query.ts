/**
 * The pure parts of meeting search: which text-search configuration a meeting's language
 * takes, how a query is read (websearch style), and the HTML a snippet may hold.
 */

/** The text-search configurations passages are stored with (PostgreSQL regconfig names). */
export const SEARCH_CONFIGS = ['english', 'french', 'german', 'spanish', 'simple'] as const;
export type SearchConfig = (typeof SEARCH_CONFIGS)[number];

/** Longest query read (characters); the rest is ignored. */
export const MAX_QUERY_CHARS = 200;
/** At most this many words or phrases of a query take part in the OR fallback. */
export const MAX_TERMS = 12;
export const MAX_LIMIT = 50;
export const DEFAULT_LIMIT = 20;

const BY_LANGUAGE: Record<string, SearchConfig> = { en: 'english', fr: 'french', de: 'german', es: 'spanish' };

/**
 * The configuration for a room's spoken language: its own (`fr`, `de-CH`…), else the server's
 * default; `auto`, empty or a language without a stemmer here is indexed word for word (`simple`).
 */
export function searchConfigFor(roomLanguage: string | null, serverLanguage: string): SearchConfig {
	const language = (roomLanguage ?? serverLanguage).trim().toLowerCase().split(/[-_]/)[0] ?? '';
	return BY_LANGUAGE[language] ?? 'simple';
}

/** A query as the search reads it. */
export interface ParsedQuery {
	/** The query as given to websearch_to_tsquery (trimmed, bounded). */
	text: string;
	/** Words and quoted phrases to match (the OR fallback ORs them). */
	terms: string[];
	/** The last term, when it is a word long enough to match as a prefix ("budg" finds "budget"): the word being typed. */
	prefixes: string[];
	/** Words and phrases after a minus: a passage holding one is left out. */
	excluded: string[];
}

const WORD = /^[\p{L}\p{N}]+$/u;

/** Reads a websearch-style query: words, "quoted phrases", -excluded, and `or` (ignored: the fallback ORs anyway). */
export function parseQuery(raw: string): ParsedQuery {
	const text = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
	const terms: string[] = [];
	const excluded: string[] = [];
	for (const match of text.matchAll(/(-?)(?:"([^"]*)"?|([^\s"]+))/g)) {
		const negated = match[1] === '-';
		const value = (match[2] ?? match[3] ?? '').replace(/[^\p{L}\p{N}'’.@_-]+/gu, ' ').trim();
		if (!value || (!negated && /^or$/i.test(value) && match[2] === undefined)) continue;
		const into = negated ? excluded : terms;
		if (!into.includes(value)) into.push(value);
	}
	const kept = terms.slice(0, MAX_TERMS);
	const last = terms.at(-1);
	const prefixes = last !== undefined && kept.includes(last) && WORD.test(last) && [...last].length >= 3 ? [last] : [];
	return { text, terms: kept, prefixes, excluded: excluded.slice(0, MAX_TERMS) };
}

/** The limit asked for, within 1..MAX_LIMIT. */
export function clampLimit(limit: number | undefined): number {
	if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
	return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The snippet PostgreSQL wrote over the escaped text, if it holds no markup but `<mark>`;
 * else the escaped text itself (no highlight beats a tag let through).
 */
export function safeSnippet(snippet: string | null, text: string): string {
	if (snippet && !/[<>]/.test(snippet.replace(/<\/?mark>/g, ''))) return snippet;
	return escapeHtml(text);
}

/** Escapes LIKE's wildcards so a speaker filter matches what was typed. */
export function likeContains(value: string): string {
	return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
