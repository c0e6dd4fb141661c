/**
 * The meeting search form (a GET form: it works without JavaScript): what the address says,
 * read into values the form shows again and a query for the server.
 */
export const SEARCH_KINDS = ['transcript', 'chat', 'insight', 'board'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchForm {
	q: string;
	speaker: string;
	kind: SearchKind | '';
	/** YYYY-MM-DD, or '' */
	from: string;
	/** YYYY-MM-DD (inclusive), or '' */
	to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | null) => (value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : '');

export function readSearchForm(params: URLSearchParams): SearchForm {
	const kind = params.get('kind') ?? '';
	return {
		q: (params.get('q') ?? '').slice(0, 200),
		speaker: (params.get('speaker') ?? '').slice(0, 100),
		kind: (SEARCH_KINDS as readonly string[]).includes(kind) ? (kind as SearchKind) : '',
		from: day(params.get('from')),
		to: day(params.get('to'))
	};
}

/** The filters as a query: days in UTC, `to` through the end of its day. */
export function searchFilters(form: SearchForm): { speaker?: string; kind?: SearchKind; from?: Date; to?: Date } {
	return {
		...(form.speaker.trim() ? { speaker: form.speaker.trim() } : {}),
		...(form.kind ? { kind: form.kind } : {}),
		...(form.from ? { from: new Date(`${form.from}T00:00:00Z`) } : {}),
		...(form.to ? { to: new Date(Date.parse(`${form.to}T00:00:00Z`) + 86_400_000) } : {})
	};
}

/** Where a hit opens: the meeting's record at that moment. */
export const hitHref = (hit: { roomCode: string; sessionId: string; at: number }) => `/${hit.roomCode}/meetings/${hit.sessionId}?t=${Math.floor(hit.at)}`;

/** m:ss (h:mm:ss past an hour) of a moment in a meeting. */
export function clock(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const mmss = `${Math.floor((s % 3600) / 60)}:${String(s % 60).padStart(2, '0')}`;
	return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * A snippet (escaped text, <mark> around matches) as text parts the page interpolates: it is
 * never rendered as HTML, so even a snippet with other markup would show as text.
 */
export function snippetParts(snippet: string): { text: string; mark: boolean }[] {
	return snippet
		.split(/(<mark>[\s\S]*?<\/mark>)/)
		.filter(Boolean)
		.map((part) => {
			const mark = part.startsWith('<mark>') && part.endsWith('</mark>');
			const text = (mark ? part.slice(6, -7) : part).replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
			return { text, mark };
		});
}
