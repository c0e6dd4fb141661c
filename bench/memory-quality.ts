// Memory quality benchmark: four scripted meetings of one room (bench/memory/dataset.ts), spoken
// by espeak-ng, transcribed by the stack's Whisper, stored in the dev database as a room's ended
// meetings; then the real insights job (generateInsights → writeAndStore) on the configured
// local engine (llama.cpp, INSIGHTS_BASE_URL) writes each session's notes, and they are scored
// against the truth: action items (text AND owner AND due date right; text alone too) and
// decisions, recall and precision, time per session. Then, when they exist, search recall@5
// (searchMemory) and Ask accuracy (askMemory) over the same room.
// Needs the stack (./stoom up) and its env: source scripts/lib.sh; load_env.
// Run: npx jiti bench/memory-quality.ts [--label=baseline] [--sessions=1,2] [--no-insights] [--no-search] [--no-ask]
//   (--no-insights scores the insights already stored; Ask asks the local engine nine questions: minutes)
//   → bench/results/memory-quality.json (and memory-quality-<label>.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createDb } from '../src/lib/server/db/index.ts';
import { localEngine } from './memory/local-engine.ts';
import { generateInsights } from '../src/lib/server/insights/generate-insights.job.ts';
import type { InsightsContext } from '../src/lib/server/insights/insights-context.ts';
import type { JobQueue } from '../src/lib/server/jobs/queue.ts';
import { latestInsights } from '../src/lib/server/insights/insights.repository.ts';
import { buildBenchRoom, type BuiltRoom } from './memory/build.ts';
import { ASK_QUESTIONS, SEARCH_QUESTIONS, type SearchQuestion } from './memory/dataset.ts';
import { answerCorrect, hitLands, rates, scoreActionItems, scoreDecisions, type Counts } from './memory/score.ts';
import type { MeetingInsights } from '../src/lib/insights/types.ts';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? 'true']));
const label = args.label ?? null;
const only = args.sessions ? new Set(args.sessions.split(',').map(Number)) : null;
const runInsights = args['no-insights'] !== 'true';

const engine = localEngine();
const db = createDb(process.env.DATABASE_URL!, 4);
const enqueued: string[] = [];
const ctx = {
	db,
	// Every bench session has ended: record-stage announcements skip LiveKit.
	livekit: { sendData: async () => {} } as unknown as InsightsContext['livekit'],
	insights: { engine, maxOutputTokens: Number(process.env.INSIGHTS_MAX_OUTPUT_TOKENS ?? 1500), defaultLanguage: 'en' },
	// Jobs the insights job hands on (search index, tracked items) are noted, not run: the bench indexes itself below.
	jobs: { enqueue: async (name: string, data: unknown) => void enqueued.push(`${name} ${JSON.stringify(data)}`) }
} as InsightsContext & { jobs: JobQueue };

const room = await buildBenchRoom(db, (line) => console.log(line));
console.log(`bench room ${room.code} (${room.roomId}); host link: /${room.code}?host=${room.hostKey}`);

// ---- Insights: action items and decisions --------------------------------------------------
type SessionResult = { session: number; status: string; error: string | null } | (ReturnType<typeof sessionResult> & { status: 'ready' });
const perSession: SessionResult[] = [];
for (const s of room.sessions) {
	if (only && !only.has(s.index + 1)) continue;
	let seconds: number | null = null;
	if (runInsights) {
		const started = performance.now();
		await generateInsights(ctx, s.id, { retryCount: 0, lastAttempt: true }, { force: true });
		seconds = Math.round((performance.now() - started) / 100) / 10;
	}
	const row = await latestInsights(db, s.id);
	if (row?.status !== 'ready' || !row.insights) {
		console.log(`session ${s.index + 1}: insights ${row?.status ?? 'missing'} ${row?.error ?? ''}`);
		perSession.push({ session: s.index + 1, status: row?.status ?? 'missing', error: row?.error ?? null });
		continue;
	}
	const insights = row.insights as MeetingInsights;
	const result = { ...sessionResult(s, seconds, row.usage, row.prompt_version, insights), status: 'ready' as const };
	perSession.push(result);
	const { actionItems: items, decisions } = result;
	console.log(
		`session ${result.session} (${result.title}, ${result.speechSeconds} s of speech): ${seconds ?? '-'} s; action items full ${fmt(items.full)}, text ${fmt(items.text)}; decisions ${fmt(decisions)}`
	);
	for (const m of items.missed) console.log(`    missed item: ${m}`);
	for (const e of items.extra) console.log(`    extra/wrong item: ${e}`);
	for (const m of decisions.missed) console.log(`    missed decision: ${m}`);
	for (const e of decisions.extra) console.log(`    extra decision: ${e}`);
	console.log(`    summary: ${insights.summary}`);
}
const scored = perSession.filter((r): r is Extract<SessionResult, { actionItems: unknown }> => 'actionItems' in r);
const totals = {
	actionItems: rates(scored.map((r) => r.actionItems.full)),
	actionItemsTextOnly: rates(scored.map((r) => r.actionItems.text)),
	decisions: rates(scored.map((r) => r.decisions)),
	secondsPerSession: scored.length && runInsights ? Math.round((scored.reduce((s, r) => s + (r.seconds ?? 0), 0) / scored.length) * 10) / 10 : null
};
console.log(
	`ACTION ITEMS (text+owner+due): recall ${totals.actionItems.recall} precision ${totals.actionItems.precision} (${fmt(totals.actionItems)})\n` +
		`ACTION ITEMS (text only):      recall ${totals.actionItemsTextOnly.recall} precision ${totals.actionItemsTextOnly.precision} (${fmt(totals.actionItemsTextOnly)})\n` +
		`DECISIONS:                     recall ${totals.decisions.recall} precision ${totals.decisions.precision} (${fmt(totals.decisions)})\n` +
		`time per session: ${totals.secondsPerSession ?? '-'} s (${engine.name} ${engine.model})`
);

// ---- HOOK: search recall@5 (helper B's searchMemory) ----------------------------------------
const search = args['no-search'] === 'true' ? null : await searchRecall(room).catch((err: Error) => (console.log(`SEARCH recall@5: not measured (${err.message})`), null));
// ---- HOOK: Ask accuracy (helper E's askMemory) ---------------------------------------------
const ask = args['no-ask'] === 'true' ? null : await askAccuracy(room).catch((err: Error) => (console.log(`ASK accuracy: not measured (${err.message})`), null));

const report = { date: new Date().toISOString(), label, engine: engine.name, model: engine.model, room: room.code, totals, search, ask, sessions: perSession };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/memory-quality.json', JSON.stringify(report, null, 2));
if (label) writeFileSync(`bench/results/memory-quality-${label}.json`, JSON.stringify(report, null, 2));
await db.destroy();

/** One session's figures: its notes scored against its truth. */
function sessionResult(s: BuiltRoom['sessions'][number], seconds: number | null, usage: unknown, promptVersion: string, insights: MeetingInsights) {
	return {
		session: s.index + 1,
		title: s.script.title,
		speechSeconds: s.speechSeconds,
		seconds,
		usage,
		promptVersion,
		actionItems: scoreActionItems(insights.actionItems, s.script.actionItems),
		decisions: scoreDecisions(insights.decisions, s.script.decisions),
		written: {
			summary: insights.summary,
			decisions: insights.decisions.map((d) => d.text),
			actionItems: insights.actionItems.map((a) => ({ text: a.text, owner: a.owner ?? null, due: a.due ?? null, unconfirmedOwner: a.unconfirmedOwner }))
		}
	};
}

function fmt(c: Counts): string {
	return `${c.tp} right, ${c.fp} extra, ${c.fn} missed`;
}

/** The line a question should land on, in its session's time. */
function targetOf(r: BuiltRoom, session: number, says: string) {
	const s = r.sessions[session]!;
	const t = s.timeline.find((l) => l.text.includes(says));
	if (!t) throw new Error(`No line of session ${session + 1} says "${says}"`);
	return { sessionId: s.id, speaker: t.speaker, start: t.start, end: t.end };
}

/**
 * Search recall@5: a question counts when one of its first five hits (this room, as its host
 * sees it) lands on the scripted line. Needs src/lib/server/memory/search.service.ts (B's
 * searchMemory) and the room's passages indexed (index.service.ts's indexSession).
 */
async function searchRecall(r: BuiltRoom) {
	const service = await import('../src/lib/server/memory/search.service.ts').catch(() => null);
	const indexer = await import('../src/lib/server/memory/index.service.ts').catch(() => null);
	if (!service?.searchMemory || !indexer?.indexSession) {
		console.log('SEARCH recall@5: not measured (searchMemory / indexSession not there yet)');
		return null;
	}
	for (const s of r.sessions) await indexer.indexSession(db, s.id);
	const viewer = { browserId: null, hostRoomIds: [r.roomId] };
	const rows: (SearchQuestion & { found: boolean; rank: number | null; ms: number; top: string | null })[] = [];
	for (const q of SEARCH_QUESTIONS) {
		const started = performance.now();
		const hits = await service.searchMemory({ db }, viewer, { text: q.query, roomId: r.roomId, limit: 5 });
		const ms = Math.round(performance.now() - started);
		const target = targetOf(r, q.session, q.says);
		const rank = hits.slice(0, 5).findIndex((h) => hitLands(h, target));
		rows.push({ ...q, found: rank >= 0, rank: rank >= 0 ? rank + 1 : null, ms, top: hits[0] ? `${hits[0].speaker}@${hits[0].at}: ${hits[0].text}` : null });
	}
	const recall = (kind?: string) => {
		const set = rows.filter((q) => !kind || q.kind === kind);
		return set.length ? Math.round((set.filter((q) => q.found).length / set.length) * 1000) / 1000 : null;
	};
	const result = { recallAt5: recall(), exact: recall('exact'), paraphrase: recall('paraphrase'), questions: rows };
	for (const q of rows) console.log(`    ${q.found ? 'hit ' : 'MISS'} [${q.kind}] "${q.query}" rank ${q.rank ?? '-'} (${q.ms} ms) top: ${q.top ?? '-'}`);
	console.log(`SEARCH recall@5: ${result.recallAt5} (exact ${result.exact}, paraphrase ${result.paraphrase})`);
	return result;
}

/**
 * Ask accuracy: an answer is right when it holds the key facts, or says "not found" when the
 * meetings do not hold the answer. Needs E's askMemory (src/lib/server/memory/ask.service.ts)
 * and an engine that streams.
 */
async function askAccuracy(r: BuiltRoom) {
	const service = await import('../src/lib/server/memory/ask.service.ts').catch(() => null);
	if (!service?.askMemory) {
		console.log('ASK accuracy: not measured (askMemory not there yet)');
		return null;
	}
	const viewer = { browserId: null, hostRoomIds: [r.roomId] };
	const rows: { question: string; absent: boolean; right: boolean; text: string; firstTokenMs: number | null; totalMs: number | null }[] = [];
	for (const q of ASK_QUESTIONS) {
		const answer = await service.askMemory({ db, insights: ctx.insights }, viewer, q.question, { roomId: r.roomId });
		const right = answerCorrect({ text: answer.text, found: !answer.notFound }, q.facts);
		rows.push({ question: q.question, absent: !q.facts.length, right, text: answer.text, firstTokenMs: answer.firstTokenMs ?? null, totalMs: answer.totalMs ?? null });
		console.log(`    ${right ? 'right' : 'WRONG'} "${q.question}" → ${answer.text.slice(0, 160)} (${answer.totalMs} ms)`);
	}
	const share = (set: typeof rows) => (set.length ? Math.round((set.filter((x) => x.right).length / set.length) * 1000) / 1000 : null);
	const result = { accuracy: share(rows), present: share(rows.filter((x) => !x.absent)), absent: share(rows.filter((x) => x.absent)), questions: rows };
	console.log(`ASK accuracy: ${result.accuracy} (answer present ${result.present}, absent ${result.absent})`);
	return result;
}
