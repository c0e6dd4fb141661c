// Meeting search benchmark: 1,000 generated meetings (50 rooms × 20, 20–60 minutes of speech
// each at ~150 words a minute, two to five speakers, chat, insights) stored in a throwaway
// database created for the run and dropped after it (never the dev or test data). Each
// meeting is indexed with indexSession, as the memory.index job does; then a set of queries
// (exact phrases, paraphrases, names, partial words, filters) runs as a host of every room
// (the whole 1,000) and as a guest who took part in 20 meetings. Prints search latency
// p50/p95 and the index size per hour of speech (table + indexes / hours).
// Also measures what a pg_trgm index on the text would cost (the search does not use one).
// Run (stack up, env loaded): npx jiti bench/search.ts [meetings=1000]   → bench/results/search.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { createDb } from '../src/lib/server/db/index.ts';
import { migrations } from '../src/lib/server/db/migrations/index.ts';
import type { Database } from '../src/lib/server/db/schema.ts';
import { indexSession } from '../src/lib/server/memory/index.service.ts';
import { searchMemory, type SearchQuery } from '../src/lib/server/memory/search.service.ts';
import type { MemoryViewer } from '../src/lib/server/memory/viewer.ts';
import type { TranscriptLine } from '../src/lib/transcript/types.ts';

const MEETINGS = Number(process.argv[2] ?? 1000);
const ROOMS = Math.max(1, Math.round(MEETINGS / 20));
const RUNS = 5;
const base = process.env.DATABASE_URL;
if (!base) throw new Error('DATABASE_URL is not set: source scripts/lib.sh; load_env');
const dbName = `stoom_bench_search_${process.pid}`;
const url = new URL(base);
const admin = createDb(base, 1);
await sql.raw(`CREATE DATABASE ${dbName}`).execute(admin);
url.pathname = `/${dbName}`;
const db: Kysely<Database> = createDb(url.toString(), 4);

try {
	// A seeded generator: the same meetings every run.
	let seed = 42;
	const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

	const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Linus Torvalds', 'Margaret Hamilton', 'Katherine Johnson', 'Dennis Ritchie', 'Barbara Liskov', 'Ken Thompson', 'Radia Perlman', 'Tim Berners-Lee', 'Frances Allen'];
	const TOPICS = ['the budget', 'the launch plan', 'hiring', 'customer support', 'pricing', 'the new design', 'the security review', 'the roadmap', 'the Denver office', 'the onboarding flow', 'the billing migration', 'the quarterly report', 'the mobile app', 'vendor contracts', 'the data warehouse', 'the marketing campaign'];
	const FILLER =
		'we think that maybe it would be better if the team could look again at how this works for our customers and whether the numbers from last month still hold because several people raised questions about timing scope and cost during the review yesterday afternoon'.split(' ');
	const TEMPLATES = [
		(t: string) => `Let us start with ${t}; I shared the numbers this morning.`,
		(t: string) => `For ${t}, the main risk is that we are two weeks behind schedule.`,
		(t: string, who: string) => `${who}, can you take ${t} and send a summary by Friday?`,
		(t: string) => `So we agree: ${t} stays the priority for this quarter.`,
		(t: string) => `I talked to finance about ${t} and they want a revised estimate.`,
		(t: string) => `The feedback on ${t} was mostly positive, a few complaints about speed.`,
		() => Array.from({ length: 14 + Math.floor(rand() * 10) }, () => pick(FILLER)).join(' ') + '.'
	];
	const CITIES = ['Austin', 'Lisbon', 'Nairobi', 'Osaka', 'Montreal', 'Tallinn', 'Auckland', 'Bogotá'];

	/** One meeting's transcript; a few meetings say the sentences the queries look for. */
	function transcript(index: number, speakers: string[], minutes: number): TranscriptLine[] {
		const lines: TranscriptLine[] = [];
		let t = 2;
		while (t < minutes * 60) {
			const speaker = pick(speakers);
			const text = pick(TEMPLATES)(pick(TOPICS), pick(speakers.filter((s) => s !== speaker)) ?? speaker);
			const seconds = Math.max(3, text.split(' ').length / 2.5);
			lines.push({ speaker, text, timestamp: Math.round(t * 10) / 10, end: Math.round((t + seconds) * 10) / 10, isActive: false, segmentId: `s${lines.length}` });
			t += seconds + rand() * 2;
		}
		// Needles: each meeting decides something about one city, said once.
		const city = CITIES[index % CITIES.length]!;
		const at = lines[Math.floor(lines.length / 2)]!;
		at.text = `We decided to open the ${city} office in ${2027 + (index % 3)}, and ${speakers[0]} will sign the lease.`;
		return lines;
	}

	console.log(`generating ${MEETINGS} meetings in ${ROOMS} rooms (database ${dbName})…`);
	const upTo = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= '2026_12_07_0016_memory_search'));
	const migrated = await new Migrator({ db, provider: { getMigrations: async () => upTo } }).migrateToLatest();
	if (migrated.error) throw migrated.error;

	const rooms: { id: string; code: string }[] = [];
	for (let r = 0; r < ROOMS; r++) {
		const code = `ben-${String(r).padStart(4, '0').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}-rch`;
		const row = await db
			.insertInto('rooms')
			.values({ code, name: `Team ${r + 1}`, host_key_hash: 'x', transcription_language: r % 10 === 9 ? 'fr' : 'en' })
			.returning(['id', 'code'])
			.executeTakeFirstOrThrow();
		rooms.push(row);
	}

	const guestBrowser = 'bench-guest-browser';
	let speechSeconds = 0;
	const sessionIds: string[] = [];
	const indexMs: number[] = [];
	const day = 86_400_000;
	for (let i = 0; i < MEETINGS; i++) {
		const room = rooms[i % ROOMS]!;
		const speakers = Array.from(new Set(Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(NAMES))));
		const minutes = 20 + Math.floor(rand() * 41);
		const lines = transcript(i, speakers, minutes);
		speechSeconds += lines.at(-1)!.end!;
		const startedAt = new Date(Date.UTC(2026, 0, 1) + i * (300 / MEETINGS) * day);
		const session = await db
			.insertInto('meeting_sessions')
			.values({ room_id: room.id, started_at: startedAt, ended_at: new Date(startedAt.getTime() + minutes * 60_000), transcript: JSON.stringify(lines), transcript_status: 'ready' } as never)
			.returning('id')
			.executeTakeFirstOrThrow();
		sessionIds.push(session.id);
		const participants = await db
			.insertInto('participants')
			.values(speakers.map((name) => ({ room_id: room.id, session_id: session.id, identity: randomUUID(), display_name: name, joined_at: startedAt })))
			.returning(['id', 'identity', 'display_name'])
			.execute();
		// The guest took part in every 50th meeting (20 of 1,000).
		if (i % 50 === 0) {
			await db
				.insertInto('join_passes')
				.values({ room_id: room.id, session_id: session.id, participant_id: participants[0]!.id, browser_id: guestBrowser, expires_at: startedAt, admitted_at: startedAt })
				.execute();
		}
		const chat = Array.from({ length: 3 + Math.floor(rand() * 8) }, (_, k) => {
			const who = pick(participants);
			return { session_id: session.id, participant_id: who.id, sender_identity: who.identity, sender_name: who.display_name, text: pick(TEMPLATES)(pick(TOPICS), who.display_name), client_id: `c${k}`, created_at: new Date(startedAt.getTime() + rand() * minutes * 60_000) };
		});
		await db.insertInto('chat_messages').values(chat).execute();
		const cite = (k: number) => ({ kind: 'line' as const, ref: lines[k]!.segmentId!, at: lines[k]!.timestamp, speaker: lines[k]!.speaker });
		const insights = {
			summary: `The team discussed ${pick(TOPICS)} and ${pick(TOPICS)}.`,
			keyPoints: [{ text: `Concerns about ${pick(TOPICS)}.`, citations: [cite(1)] }],
			decisions: [{ text: `Open the ${CITIES[i % CITIES.length]} office.`, citations: [cite(Math.floor(lines.length / 2))] }],
			actionItems: [{ text: `Send the summary of ${pick(TOPICS)}.`, owner: speakers[0], due: 'Friday', citations: [cite(2)] }],
			openQuestions: []
		};
		await db
			.insertInto('meeting_insights')
			.values({ session_id: session.id, transcript_hash: 'h', prompt_version: 'p', engine: 'bench', model: 'bench', status: 'ready', insights: JSON.stringify(insights) })
			.execute();
		const started = performance.now();
		await indexSession(db, session.id);
		indexMs.push(performance.now() - started);
		if ((i + 1) % 100 === 0) console.log(`  ${i + 1} meetings stored and indexed`);
	}
	await sql`VACUUM ANALYZE memory_passages`.execute(db);

	const hours = speechSeconds / 3600;
	const size = await sql<{ table: string; total: string; passages: string }>`
		select pg_relation_size('memory_passages')::text as table, pg_total_relation_size('memory_passages')::text as total, (select count(*) from memory_passages)::text as passages`.execute(db);
	const { total, table, passages } = size.rows[0]!;
	const indexSizes = await sql<{ name: string; bytes: string }>`
		select indexrelname as name, pg_relation_size(indexrelid)::text as bytes from pg_stat_user_indexes where relname = 'memory_passages'`.execute(db);

	const QUERIES: { label: string; query: SearchQuery }[] = [
		{ label: 'exact phrase', query: { text: '"open the Lisbon office"' } },
		{ label: 'exact words', query: { text: 'Denver office budget' } },
		{ label: 'paraphrase', query: { text: 'when did we choose to move into a new workplace in Osaka?' } },
		{ label: 'name', query: { text: 'Hopper' } },
		{ label: 'partial word', query: { text: 'Montr' } },
		{ label: 'common word', query: { text: 'customers' } },
		{ label: 'french', query: { text: 'bureau Nairobi' } },
		{ label: 'speaker filter', query: { text: 'launch plan', speaker: 'Ada' } },
		{ label: 'kind + date', query: { text: 'office', kind: 'insight', from: new Date(Date.UTC(2026, 3, 1)), to: new Date(Date.UTC(2026, 6, 1)) } },
		{ label: 'long query', query: { text: 'the main risk is that we are two weeks behind schedule for the billing migration and the mobile app' } }
	];

	const host: MemoryViewer = { browserId: null, hostRoomIds: rooms.map((r) => r.id) };
	const guest: MemoryViewer = { browserId: guestBrowser, hostRoomIds: [] };
	const pct = (xs: number[], p: number) => {
		const s = [...xs].sort((a, b) => a - b);
		return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
	};

	async function measure(viewer: MemoryViewer) {
		const all: number[] = [];
		const perQuery: { label: string; hits: number; p50: number; p95: number }[] = [];
		for (const { query } of QUERIES) await searchMemory({ db }, viewer, query); // warm
		for (const { label, query } of QUERIES) {
			const times: number[] = [];
			let hits = 0;
			for (let k = 0; k < RUNS; k++) {
				const started = performance.now();
				hits = (await searchMemory({ db }, viewer, { limit: 20, ...query })).length;
				times.push(performance.now() - started);
			}
			all.push(...times);
			perQuery.push({ label, hits, p50: pct(times, 50), p95: pct(times, 95) });
		}
		return { p50: pct(all, 50), p95: pct(all, 95), queries: perQuery };
	}

	const asHost = await measure(host);
	const asGuest = await measure(guest);

	// What a trigram index (pg_trgm) on the text would add: its size, and a partial-word query through it.
	await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
	await sql`CREATE INDEX memory_passages_trgm ON memory_passages USING gin (text gin_trgm_ops)`.execute(db);
	const trgmBytes = Number((await sql<{ b: string }>`select pg_relation_size('memory_passages_trgm')::text as b`.execute(db)).rows[0]!.b);
	const trgmTimes: number[] = [];
	for (let k = 0; k < RUNS; k++) {
		const started = performance.now();
		await sql`select id from memory_passages where text ilike '%Montr%' limit 20`.execute(db);
		trgmTimes.push(performance.now() - started);
	}

	const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
	const result = {
		meetings: MEETINGS,
		rooms: ROOMS,
		passages: Number(passages),
		speechHours: Math.round(hours * 10) / 10,
		indexMsPerMeeting: { p50: pct(indexMs, 50), p95: pct(indexMs, 95) },
		sizeMB: { table: mb(Number(table)), total: mb(Number(total)), indexes: Object.fromEntries(indexSizes.rows.map((r) => [r.name, mb(Number(r.bytes))])) },
		bytesPerMeetingHour: Math.round(Number(total) / hours),
		kbPerMeetingHour: Math.round(Number(total) / hours / 1024),
		searchMs: { host1000: { p50: asHost.p50, p95: asHost.p95 }, guest20: { p50: asGuest.p50, p95: asGuest.p95 } },
		queries: { host: asHost.queries, guest: asGuest.queries },
		trigramOption: { indexMB: mb(trgmBytes), kbPerMeetingHour: Math.round(trgmBytes / hours / 1024), ilikeMs: { p50: pct(trgmTimes, 50), p95: pct(trgmTimes, 95) } },
		postgres: (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]!.v.split(' on ')[0]
	};

	console.log(`\n${MEETINGS} meetings, ${result.speechHours} h of speech, ${result.passages} passages`);
	console.log(`index: ${result.sizeMB.total} MB in all (table ${result.sizeMB.table} MB) → ${result.kbPerMeetingHour} kB per meeting hour`);
	console.log(`indexing: p50 ${result.indexMsPerMeeting.p50} ms, p95 ${result.indexMsPerMeeting.p95} ms per meeting`);
	console.log(`search as host of all ${MEETINGS} meetings: p50 ${asHost.p50} ms, p95 ${asHost.p95} ms`);
	console.log(`search as a guest of 20 meetings: p50 ${asGuest.p50} ms, p95 ${asGuest.p95} ms`);
	for (const q of asHost.queries) console.log(`  ${q.label.padEnd(15)} ${String(q.hits).padStart(3)} hits  p50 ${q.p50} ms  p95 ${q.p95} ms`);
	console.log(`pg_trgm on text (not used): +${result.trigramOption.indexMB} MB (${result.trigramOption.kbPerMeetingHour} kB per meeting hour); ILIKE '%Montr%' p50 ${result.trigramOption.ilikeMs.p50} ms`);

	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/search.json', JSON.stringify(result, null, 2));
	console.log('wrote bench/results/search.json');
} finally {
	// The throwaway database goes, whatever happened.
	await db.destroy();
	await sql.raw(`DROP DATABASE IF EXISTS ${dbName}`).execute(admin);
	await admin.destroy();
}
