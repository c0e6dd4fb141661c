import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import type { Room } from '../../src/lib/server/db/schema';
import { startAsk } from '../../src/lib/server/memory/ask-request.service';
import { contentWords } from '../../src/lib/server/memory/ask-answer';
import { insightsEngine } from '../../src/lib/server/pipeline/pipeline-context';
import { askMemory, askMemoryStream, type AskAnswer, type AskContext } from '../../src/lib/server/memory/ask.service';
import { indexSession } from '../../src/lib/server/memory/index.service';
import type { MemoryViewer } from '../../src/lib/server/memory/viewer';
import { connected, joined, newBrowser, newRoom, testContext, type TestBrowser } from './support';

// Ask over real stored meetings (PostgreSQL, B's search index) with the real local engine
// (llama.cpp on the stack's port): answers cite only moments that exist and say it, an
// absent answer is "not found", and a guest of one meeting gets nothing from another.
const ctx = testContext();
let ask: AskContext;
afterAll(() => ctx.close());

type Line = [speaker: string, text: string, at: number];
const DENVER: Line[] = [
	['Ada Lovelace', 'Good morning everyone, let us start with the office plans.', 2],
	['Bo Chen', 'The landlord in Denver asked for a decision this week.', 9],
	['Ada Lovelace', 'We decided to move the Denver office opening to April 14.', 17],
	['Bo Chen', 'Fine. I will send the signed lease to the landlord by Thursday.', 25],
	['Ada Lovelace', 'Next, the hiring plan: we hire two support engineers in spring.', 34],
	['Bo Chen', 'I will post both job ads on Monday.', 41]
];
const LISBON: Line[] = [
	['Cy Diaz', 'The Lisbon warehouse budget is eighty thousand euros for next year.', 4],
	['Dee Evans', 'Then we sign the Lisbon warehouse contract in March.', 12]
];

/** A stored, indexed meeting of a new room whose participants joined; returns who was there. */
async function meeting(lines: Line[]): Promise<{ room: Room; sessionId: string; host: TestBrowser; guest: TestBrowser }> {
	const { room, host } = await newRoom(ctx);
	const speakers = [...new Set(lines.map((l) => l[0]))];
	const { participant: first } = await joined(ctx, room, host, speakers[0]!);
	await connected(ctx, first.id);
	const guest = newBrowser();
	const { participant: second } = await joined(ctx, room, guest, speakers[1]!);
	await connected(ctx, second.id);
	const session = await ctx.db.selectFrom('meeting_sessions').select('id').where('room_id', '=', room.id).executeTakeFirstOrThrow();
	const transcript = lines.map(([speaker, text, timestamp], i) => ({ speaker, text, timestamp, isActive: false, segmentId: `${speaker}:0:${i}` }));
	await ctx.db.updateTable('meeting_sessions').set({ transcript: JSON.stringify(transcript), transcript_status: 'ready', ended_at: new Date() }).where('id', '=', session.id).execute();
	expect(await indexSession(ctx.db, session.id)).toBeGreaterThan(0);
	return { room, sessionId: session.id, host, guest };
}

const guestOf = (m: { guest: TestBrowser }): MemoryViewer => ({ browserId: m.guest.browserId, hostRoomIds: [] });
const hostOf = (m: { room: Room }): MemoryViewer => ({ browserId: null, hostRoomIds: [m.room.id] });
const cited = (answer: AskAnswer) => answer.claims.flatMap((c) => c.citations);

let denver: Awaited<ReturnType<typeof meeting>>;
let lisbon: Awaited<ReturnType<typeof meeting>>;
beforeAll(async () => {
	const engine = insightsEngine();
	expect(engine?.name).toBe('openai-compatible');
	ask = { db: ctx.db, insights: { engine } };
	denver = await meeting(DENVER);
	lisbon = await meeting(LISBON);
});

describe('Ask your meetings (local engine)', () => {
	it('answers a stored fact, streaming the draft first, and cites only moments that exist and say it', async () => {
		const events = [];
		for await (const event of askMemoryStream(ask, guestOf(denver), 'When will the Denver office open?')) events.push(event);
		const drafts = events.filter((e) => e.type === 'draft');
		const final = events.at(-1);
		expect(drafts.length).toBeGreaterThan(1);
		expect(final?.type).toBe('final');
		const answer = (final as { answer: AskAnswer }).answer;

		expect(answer.notFound).toBe(false);
		expect(answer.firstTokenMs).toBeGreaterThan(0);
		expect(answer.totalMs).toBeGreaterThanOrEqual(answer.firstTokenMs!);
		expect(answer.claims.map((c) => c.text).join(' ')).toMatch(/April 14/);
		const stored = new Map(DENVER.map(([speaker, text, at]) => [text, { speaker, at }]));
		for (const c of cited(answer)) {
			// Exists: a line of this very meeting, at its moment, by its speaker.
			expect(c.sessionId).toBe(denver.sessionId);
			expect(c.roomCode).toBe(denver.room.code);
			expect(stored.get(c.text), c.text).toEqual({ speaker: c.speaker, at: c.at });
		}
		// Says it: the line with the date is among those cited, and no claim cites a line that shares none of its words.
		expect(cited(answer).map((c) => c.text)).toContain('We decided to move the Denver office opening to April 14.');
		for (const claim of answer.claims) {
			const words = contentWords(claim.text);
			for (const c of claim.citations) expect(contentWords(`${c.speaker ?? ""} ${c.text}`).some((w) => words.some((x) => x.slice(0, 4) === w.slice(0, 4))), `${claim.text} ← ${c.text}`).toBe(true);
		}
	}, 240_000);

	it('a question the meetings do not answer gets "not found", without citations', async () => {
		const answer = await askMemory(ask, guestOf(denver), 'What did we decide about the company picnic menu?');
		expect(answer.notFound).toBe(true);
		expect(answer.claims).toEqual([]);
	}, 240_000);

	it('a guest of one meeting gets nothing drawn from another; that meeting’s host gets the answer', async () => {
		const question = 'What is the budget of the Lisbon warehouse?';
		const guest = await askMemory(ask, guestOf(denver), question);
		expect(guest.notFound).toBe(true);
		expect(cited(guest).filter((c) => c.sessionId === lisbon.sessionId)).toEqual([]);

		// The control: the same question from Lisbon's host is answered from Lisbon's meeting.
		const host = await askMemory(ask, hostOf(lisbon), question);
		expect(host.notFound).toBe(false);
		expect(cited(host).length).toBeGreaterThan(0);
		for (const c of cited(host)) expect(c.sessionId).toBe(lisbon.sessionId);
	}, 240_000);
});

describe('the endpoint’s service (startAsk)', () => {
	const noCookies = { getAll: () => [], get: () => undefined } as unknown as Cookies;
	const request = (client: string) => ({ cookies: noCookies, client, signal: new AbortController().signal });

	it('refuses when the engine is off, and for a room that does not exist, before asking anything', async () => {
		expect(await startAsk({ ...ctx, engine: null }, request('198.51.100.7'), { question: 'When do we launch?' })).toEqual({ ok: false, reason: 'ask_off' });
		expect(await startAsk({ ...ctx, engine: ask.insights.engine }, request('198.51.100.7'), { question: 'When do we launch?', code: 'zzz-zzzz-zzz' })).toEqual({ ok: false, reason: 'room_not_found' });
	});

	it('counts questions per client address: past the allowance, rate_limited with a wait', async () => {
		const tight = testContext({ ask: { points: 2, seconds: 600 } });
		try {
			const client = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
			const results = [];
			for (let i = 0; i < 3; i++) {
				const started = await startAsk({ ...tight, engine: ask.insights.engine }, request(client), { question: 'When will the Denver office open?' });
				if (started.ok) await started.events.return(undefined);
				results.push(started.ok ? 'ok' : started.reason);
			}
			expect(results).toEqual(['ok', 'ok', 'rate_limited']);
			const other = await startAsk({ ...tight, engine: ask.insights.engine }, request('192.0.2.44'), { question: 'When will the Denver office open?' });
			expect(other.ok).toBe(true);
			if (other.ok) await other.events.return(undefined);
		} finally {
			await tight.close();
		}
	});

	it('a browser with no meetings gets "not found" without the engine being asked', async () => {
		const started = await startAsk({ ...ctx, engine: ask.insights.engine }, request('198.51.100.9'), { question: 'When will the Denver office open?' });
		if (!started.ok) throw new Error(started.reason);
		const events = [];
		for await (const e of started.events) events.push(e);
		expect(events).toEqual([{ type: 'final', answer: expect.objectContaining({ notFound: true, passages: 0, firstTokenMs: null }) }]);
	});
});
