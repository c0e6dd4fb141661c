import { sql } from 'kysely';
import type { Db } from '../db';
import { clampLimit, likeContains, parseQuery, safeSnippet, SEARCH_CONFIGS, type ParsedQuery } from './search-query';
import { visibleSession, type MemoryViewer } from './viewer';

import { meetingPassage, type MeetingPassage, type MeetingPassageRow, type PassageKind } from './meeting-passage';

export type { PassageKind };

export interface SearchQuery {
	text: string;
	roomId?: string;
	speaker?: string;
	kind?: PassageKind;
	from?: Date;
	to?: Date;
	limit?: number;
}

export interface SearchHit extends MeetingPassage {
	/** HTML-escaped text with <mark>…</mark> around matches, nothing else unescaped. */
	snippet: string;
	rank: number;
}

/** One configuration's queries, as PostgreSQL normalized them (tsquery text; '' when a query has no lexeme there). */
interface ConfigQueries {
	cfg: string;
	/** Every term (websearch_to_tsquery). */
	all: string;
	/** At least two of the terms, when there are three or more. */
	pairs: string;
	/** Any term, the word being typed also as a prefix. */
	any: string;
	/** Excluded terms (any of them). */
	not: string;
}

/**
 * Each configuration's queries, normalized once by PostgreSQL (stemming, stop words): the
 * search then matches them as constants, which the GIN index answers.
 */
async function configQueries(db: Db, q: ParsedQuery): Promise<ConfigQueries[]> {
	const orOf = (column: string) => sql`coalesce(string_agg('(' || ${sql.ref(column)}::text || ')', ' | '), '')`;
	const { rows } = await sql<ConfigQueries>`
		with c as (select unnest(${sql.val([...SEARCH_CONFIGS])}::regconfig[]) as cfg),
		t as (
			select c.cfg, u.i, phraseto_tsquery(c.cfg, u.term) as tq
			from c, unnest(${sql.val(q.terms)}::text[]) with ordinality as u(term, i)
		),
		kept as (select * from t where numnode(tq) > 0),
		typed as (
			select c.cfg, to_tsquery(c.cfg, quote_literal(u.term) || ':*') as tq
			from c, unnest(${sql.val(q.prefixes)}::text[]) as u(term)
		),
		anyq as (select cfg, tq from kept union all select cfg, tq from typed where numnode(tq) > 0),
		pairs as (select a.cfg, (a.tq && b.tq) as tq from kept a join kept b on a.cfg = b.cfg and a.i < b.i),
		excluded as (
			select c.cfg, phraseto_tsquery(c.cfg, u.term) as tq
			from c, unnest(${sql.val(q.excluded)}::text[]) as u(term)
		)
		select c.cfg::text as cfg,
			websearch_to_tsquery(c.cfg, ${q.text})::text as all,
			case when (select count(*) from kept k where k.cfg = c.cfg) >= 3
				then (select ${orOf('pairs.tq')} from pairs where pairs.cfg = c.cfg) else '' end as pairs,
			(select ${orOf('anyq.tq')} from anyq where anyq.cfg = c.cfg) as any,
			(select ${orOf('excluded.tq')} from excluded where excluded.cfg = c.cfg and numnode(excluded.tq) > 0) as not
		from c`.execute(db);
	return rows;
}

/** Up to this many meetings in scope, the search reads their passages by session. */
const FEW_SESSIONS = 200;

type Level = 'all' | 'pairs' | 'any';
/** Passages holding every term first, then at least two, then any one: each level a rank above the next. */
const LEVELS: { level: Level; bonus: number }[] = [
	{ level: 'all', bonus: 2 },
	{ level: 'pairs', bonus: 1 },
	{ level: 'any', bonus: 0 }
];

interface HitRow extends MeetingPassageRow {
	rank: number;
	snippet: string | null;
}

/**
 * Searches the meetings the viewer may see (language-aware full-text search). Passages that
 * hold every word come first, then those holding at least two of them, then any one, so a
 * paraphrase still finds the moment; within a level, ts_rank_cd orders them. Each level is
 * asked only while fewer hits than the limit were found (the broad ones are the costly ones).
 */
export async function searchMemory(ctx: { db: Db }, viewer: MemoryViewer, query: SearchQuery): Promise<SearchHit[]> {
	const q = parseQuery(query.text);
	if (q.terms.length === 0) return [];
	if (viewer.hostRoomIds.length === 0 && viewer.browserId === null) return [];
	const limit = clampLimit(query.limit);
	const queries = await configQueries(ctx.db, q);
	const perConfig = (pick: (c: ConfigQueries) => string) =>
		sql`case p.config ${sql.join(
			queries.map((c) => sql`when ${c.cfg}::regconfig then ${pick(c) || ''}::tsquery`),
			sql` `
		)} end`;
	// The meetings in scope first (access, room, dates): when they are few (a guest, one room),
	// the passages are read by session, not through the whole text index.
	const sessionWhere = sql.join(
		[
			visibleSession(viewer, 'vs.id', 'vs.room_id'),
			...(query.roomId ? [sql`vs.room_id = ${query.roomId}`] : []),
			...(query.from ? [sql`vs.started_at >= ${query.from}`] : []),
			...(query.to ? [sql`vs.started_at < ${query.to}`] : [])
		],
		sql` and `
	);
	const { rows: inScope } = await sql<{ id: string }>`select vs.id from meeting_sessions vs where ${sessionWhere} limit ${FEW_SESSIONS + 1}`.execute(ctx.db);
	if (inScope.length === 0) return [];
	const filters = [
		inScope.length <= FEW_SESSIONS
			? sql`p.session_id = any(${sql.val(inScope.map((r) => r.id))}::uuid[])`
			: sql`p.session_id in (select vs.id from meeting_sessions vs where ${sessionWhere})`,
		...(query.kind ? [sql`p.kind = ${query.kind}`] : []),
		...(query.speaker?.trim() ? [sql`p.speaker ilike ${likeContains(query.speaker.trim().slice(0, 100))}`] : [])
	];

	const hits: HitRow[] = [];
	const asked = new Set<string>();
	for (const { level, bonus } of LEVELS) {
		if (hits.length >= limit) break;
		const live = queries.filter((c) => c[level] !== '');
		const key = live.map((c) => `${c.cfg}:${c[level].replace(/[()]/g, '')}`).join('|');
		if (live.length === 0 || asked.has(key)) continue; // no such level here, or the same query as a level above
		asked.add(key);
		// Constant queries per configuration: the GIN index answers each.
		const match = sql.join(
			live.map((c) => sql`(p.config = ${c.cfg}::regconfig and p.tsv @@ ${c[level]}::tsquery${c.not ? sql` and not (p.tsv @@ ${c.not}::tsquery)` : sql``})`),
			sql` or `
		);
		const found = hits.map((h) => h.id);
		const { rows } = await sql<HitRow>`
			with top as (
				select p.id, p.session_id, p.room_id, p.kind, p.speaker, p.at, p.text, p.config, ms.started_at,
					${bonus} + ts_rank_cd(p.tsv, ${perConfig((c) => c.any)}, 32) as rank
				from memory_passages p
				join meeting_sessions ms on ms.id = p.session_id
				where (${match}) and ${sql.join(filters, sql` and `)}
					${found.length ? sql`and p.id <> all(${sql.val(found)}::bigint[])` : sql``}
				order by rank desc, ms.started_at desc, p.at
				limit ${limit - hits.length}
			)
			select top.id, top.session_id, top.kind, top.speaker, top.at, top.text, top.rank, top.started_at, r.code, r.name, top.config
			from top join rooms r on r.id = top.room_id
			order by top.rank desc, top.started_at desc, top.at`.execute(ctx.db);
		hits.push(...rows);
	}
	if (hits.length === 0) return [];

	// The headline only for the hits shown, on the text escaped first: only <mark> is markup.
	const { rows: snippets } = await sql<{ id: string; snippet: string }>`
		select p.id, ts_headline(p.config, replace(replace(replace(p.text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), ${perConfig((c) => c.any)},
			'StartSel=<mark>, StopSel=</mark>, MaxWords=32, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
		from memory_passages p where p.id = any(${sql.val(hits.map((h) => h.id))}::bigint[])`.execute(ctx.db);
	const snippetOf = new Map(snippets.map((r) => [String(r.id), r.snippet]));

	return hits.map((row) => ({
		...meetingPassage(row),
		snippet: safeSnippet(snippetOf.get(String(row.id)) ?? null, row.text),
		rank: Number(row.rank)
	}));
}
