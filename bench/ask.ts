// Ask benchmark: "Ask your meetings" (askMemory: search over what the viewer may see, the
// local engine's streamed answer, then the citation check) over three stored meetings of one
// room that the bench creates in DATABASE_URL's database (and deletes afterwards; it needs the
// memory search migration, 0016, applied there). Prints, per
// question, the time to the first token of the draft and to the verified answer, whether the
// answer holds the expected fact and cites the meeting that said it (or, for the question the
// meetings cannot answer, whether it said "not found"). Needs the stack and its env
// (./stoom up; source scripts/lib.sh; load_env). Run under flock /tmp/stoom-bench.lock.
// Run: npx jiti bench/ask.ts [rounds=2]   → bench/results/ask.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createDb } from '../src/lib/server/db/index.ts';
import { localEngine } from './memory/local-engine.ts';
import { askMemory } from '../src/lib/server/memory/ask.service.ts';
import { indexSession } from '../src/lib/server/memory/index.service.ts';
import { openSession, markSessionEnded, saveTranscript, setTranscriptStatus } from '../src/lib/server/meetings/session.repository.ts';
import { deleteRoom, insertRoom } from '../src/lib/server/rooms/room.repository.ts';
import { generateRoomCode } from '../src/lib/server/rooms/generate-room-code.ts';
import { hashToken } from '../src/lib/server/crypto/secrets.ts';
import type { TranscriptLine } from '../src/lib/transcript/types.ts';

const rounds = Number(process.argv[2] ?? 2);
const engine = localEngine();
const db = createDb(process.env.DATABASE_URL!, 4);

const FILLER = [
	'Let us keep this short, we have a lot on the agenda today.',
	'Can everyone hear me? My connection was flaky this morning.',
	'I shared the slides in the chat a minute ago.',
	'Good point, let us come back to that at the end.',
	'I agree with that, nothing to add from my side.',
	'Sorry, I was on mute. Please go on.'
];
/** Three weekly meetings of one room: the facts the questions ask about, among ordinary talk. */
const MEETINGS: { facts: [string, string][] }[] = [
	{ facts: [['Ada Lovelace', 'We decided to move the Denver office opening to April 14.'], ['Bo Chen', 'I will send the signed lease to the landlord by Thursday.']] },
	{ facts: [['Cy Diaz', 'The marketing budget for the spring campaign is forty thousand euros.'], ['Ada Lovelace', 'We agreed to hire two support engineers before June.']] },
	{ facts: [['Bo Chen', 'The customer survey showed that most users want a dark mode.'], ['Cy Diaz', 'Grace will present the survey results at the all hands on Friday.']] }
];
const QUESTIONS: { question: string; expect: RegExp | null; meeting: number | null }[] = [
	{ question: 'When will the Denver office open?', expect: /April 14/i, meeting: 0 },
	{ question: 'What is the budget for the spring campaign?', expect: /forty thousand/i, meeting: 1 },
	{ question: 'How many support engineers will we hire?', expect: /two/i, meeting: 1 },
	{ question: 'What did the customer survey show?', expect: /dark mode/i, meeting: 2 },
	{ question: 'What did we decide about the company picnic?', expect: null, meeting: null }
];

function transcript(facts: [string, string][]): TranscriptLine[] {
	const speakers = ['Ada Lovelace', 'Bo Chen', 'Cy Diaz'];
	const lines: TranscriptLine[] = [];
	let at = 3;
	const say = (speaker: string, text: string) => {
		lines.push({ speaker, text, timestamp: at, end: at + 4, isActive: false, segmentId: `${speaker}:0:${lines.length}` });
		at += 6;
	};
	for (let i = 0; i < 18; i++) {
		say(speakers[i % 3]!, FILLER[i % FILLER.length]!);
		if (i % 6 === 2) say(...facts[Math.floor(i / 6) % facts.length]!);
	}
	return lines;
}

const room = await insertRoom(db, { code: generateRoomCode(), name: 'Ask bench', host_key_hash: hashToken(randomBytes(16).toString('hex')) });
const sessions: string[] = [];
try {
	for (const meeting of MEETINGS) {
		const session = await openSession(db, room.id);
		await saveTranscript(db, session.id, transcript(meeting.facts));
		await setTranscriptStatus(db, session.id, 'ready', null);
		await markSessionEnded(db, session.id, new Date());
		await indexSession(db, session.id);
		sessions.push(session.id);
	}
	const viewer = { browserId: null, hostRoomIds: [room.id] };
	const runs = [];
	for (let round = 0; round < rounds; round++) {
		for (const q of QUESTIONS) {
			const answer = await askMemory({ db, insights: { engine } }, viewer, q.question);
			const text = answer.claims.map((c) => c.text).join(' ');
			const cites = answer.claims.flatMap((c) => c.citations.map((m) => m.sessionId));
			const correct = q.expect === null ? answer.notFound : !answer.notFound && q.expect.test(text) && cites.includes(sessions[q.meeting!]!);
			runs.push({ round, question: q.question, firstTokenMs: answer.firstTokenMs, totalMs: answer.totalMs, notFound: answer.notFound, correct, passages: answer.passages, dropped: answer.dropped, answer: text, draft: answer.draft });
			console.log(`${round} ${q.question}  first token ${answer.firstTokenMs} ms, answer ${answer.totalMs} ms, ${correct ? 'right' : 'WRONG'}: ${answer.notFound ? '(not found)' : text}${correct ? '' : `  [draft: ${answer.draft.replace(/\s+/g, ' ').slice(0, 200)}]`}`);
		}
	}
	const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
	const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
	const first = runs.map((r) => r.firstTokenMs).filter((x): x is number => x !== null);
	const total = runs.map((r) => r.totalMs);
	// Round 0 asks each question first (cold); later rounds repeat the same prompt, which llama.cpp's prompt cache serves faster.
	const cold = runs.filter((r) => r.round === 0);
	const coldFirst = cold.map((r) => r.firstTokenMs).filter((x): x is number => x !== null);
	const summary = {
		model: engine.model,
		questions: runs.length,
		firstTokenMs: { p50: pct(first, 50), p95: pct(first, 95), max: Math.max(...first) },
		totalMs: { p50: pct(total, 50), p95: pct(total, 95), max: Math.max(...total) },
		firstAsk: { firstTokenMsP50: pct(coldFirst, 50), totalMsP50: pct(cold.map((r) => r.totalMs), 50) },
		accuracy: Math.round((runs.filter((r) => r.correct).length / runs.length) * 1000) / 1000
	};
	console.log(`\nAsk on ${summary.model}: first token p50 ${summary.firstTokenMs.p50} ms (p95 ${summary.firstTokenMs.p95}), full answer p50 ${summary.totalMs.p50} ms (p95 ${summary.totalMs.p95}), right ${runs.filter((r) => r.correct).length}/${runs.length}; first asks only: first token p50 ${summary.firstAsk.firstTokenMsP50} ms, full answer p50 ${summary.firstAsk.totalMsP50} ms`);
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/ask.json', JSON.stringify({ at: new Date().toISOString(), summary, runs }, null, 2));
} finally {
	await deleteRoom(db, room.id);
	await db.destroy();
}
