import type { Cookies } from '@sveltejs/kit';
import * as Y from 'yjs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endSession } from '../../src/lib/server/access/meeting-session.service';
import { insertChatMessage } from '../../src/lib/server/chat/chat.repository';
import { sign } from '../../src/lib/server/crypto/secrets';
import type { Room } from '../../src/lib/server/db/schema';
import { env } from '../../src/lib/server/env';
import { saveTranscript } from '../../src/lib/server/meetings/session.repository';
import { indexSession, unindexedSessions } from '../../src/lib/server/memory/index.service';
import { searchMemory, type SearchQuery } from '../../src/lib/server/memory/search.service';
import { memoryViewer, type MemoryViewer } from '../../src/lib/server/memory/viewer';
import type { TranscriptLine } from '../../src/lib/transcript/types';
import { addShape, createBoard } from '../../src/lib/whiteboard/board-doc';
import { note, rect } from '../../src/lib/whiteboard/fixtures';
import { saveCompacted } from '../../src/lib/server/whiteboard/whiteboard.repository';
import { connected, joined, newBrowser, newRoom, testContext, type TestBrowser } from './support';

const ctx = testContext();
afterAll(() => ctx.close());

const line = (speaker: string, timestamp: number, text: string): TranscriptLine => ({ speaker, text, timestamp, end: timestamp + 4, isActive: false, segmentId: `s${timestamp}` });

/** A stored meeting of `room`: the host and one guest took part; its transcript and chat saved, then ended and indexed. */
async function meeting(room: Room, host: TestBrowser, guestName: string, transcript: TranscriptLine[], chat: string[] = []) {
	const hostIn = await joined(ctx, room, host, 'Host');
	await connected(ctx, hostIn.participant.id);
	const guest = newBrowser();
	const guestIn = await joined(ctx, room, guest, guestName);
	await connected(ctx, guestIn.participant.id);
	const sessionId = guestIn.pass.session_id;
	await saveTranscript(ctx.db, sessionId, transcript, 'offline');
	for (const [i, text] of chat.entries()) {
		await insertChatMessage(ctx.db, { session_id: sessionId, participant_id: guestIn.participant.id, sender_identity: guestIn.participant.identity, sender_name: guestName, text, client_id: `c${i}` });
	}
	await endSession(ctx.db, sessionId);
	return { sessionId, guest };
}

let english: { room: Room; host: TestBrowser };
let launch: { sessionId: string; guest: TestBrowser };
let budget: { sessionId: string; guest: TestBrowser };
let french: { room: Room; host: TestBrowser; sessionId: string };

beforeAll(async () => {
	english = await newRoom(ctx);
	await ctx.db.updateTable('rooms').set({ transcription_language: 'en' }).where('id', '=', english.room.id).execute();
	launch = await meeting(
		english.room,
		english.host,
		'Grace Hopper',
		[
			line('Host', 5, 'Good morning everyone, thanks for coming.'),
			line('Grace Hopper', 40, 'We agreed to postpone the product launch until the fourteenth of March.'),
			line('Host', 90, 'Alan will write the press release by Friday.')
		],
		['the launch page <script>alert(1)</script> is ready']
	);
	budget = await meeting(english.room, english.host, 'Linus', [
		line('Host', 3, 'Let us review the quarterly budget.'),
		line('Linus', 30, 'Marketing spent more than planned on the launch event in Denver.'),
		line('Host', 70, 'We decided to hire two engineers for the platform team.')
	]);

	const fr = await newRoom(ctx);
	await ctx.db.updateTable('rooms').set({ transcription_language: 'fr' }).where('id', '=', fr.room.id).execute();
	const held = await meeting(fr.room, fr.host, 'Amélie', [line('Amélie', 12, 'Nous allons déménager les bureaux à Lyon au printemps.')]);
	french = { ...fr, sessionId: held.sessionId };

	for (const id of [launch.sessionId, budget.sessionId, french.sessionId]) await indexSession(ctx.db, id);
}, 60_000);

const hostOf = (room: Room, browser: TestBrowser): MemoryViewer => ({ browserId: browser.browserId, hostRoomIds: [room.id] });
const guestView = (guest: TestBrowser): MemoryViewer => ({ browserId: guest.browserId, hostRoomIds: [] });
const search = (viewer: MemoryViewer, query: SearchQuery) => searchMemory(ctx, viewer, query);

describe('ranking', () => {
	it('an exact query finds the meeting and the moment it was said first', async () => {
		const hits = await search(hostOf(english.room, english.host), { text: 'postpone the product launch' });
		expect(hits[0]).toMatchObject({ sessionId: launch.sessionId, kind: 'transcript', speaker: 'Grace Hopper', at: 40, roomCode: english.room.code });
		expect(hits[0]!.snippet).toContain('<mark>postpone</mark>');
	});

	it('a paraphrased query (only some of its words said) still ranks the right meeting first', async () => {
		const hits = await search(hostOf(english.room, english.host), { text: 'when did we delay launching the product?' });
		expect(hits.length).toBeGreaterThan(0);
		expect(hits[0]).toMatchObject({ sessionId: launch.sessionId, at: 40 });
		// The budget meeting mentions a launch too, but says less of the question.
		expect(hits.some((h) => h.sessionId === budget.sessionId)).toBe(true);
	});

	it('a partial word matches as a prefix', async () => {
		const hits = await search(hostOf(english.room, english.host), { text: 'Denv' });
		expect(hits[0]).toMatchObject({ sessionId: budget.sessionId, at: 30 });
	});

	it('a French meeting is stemmed in French', async () => {
		// "déménagement" is not a word of the meeting: only French stemming brings it to "déménager".
		const hits = await search(hostOf(french.room, french.host), { text: 'déménagement des bureaux' });
		expect(hits[0]).toMatchObject({ sessionId: french.sessionId, at: 12 });
		const simple = await sql<{ m: boolean }>`select to_tsvector('simple', 'déménager les bureaux') @@ to_tsquery('simple', 'déménagement') as m`.execute(ctx.db);
		expect(simple.rows[0]!.m).toBe(false);
	});
});

describe('snippets', () => {
	it('a chat message holding markup comes back escaped, with only <mark> as markup', async () => {
		const [hit] = await search(hostOf(english.room, english.host), { text: 'launch page', kind: 'chat' });
		expect(hit).toMatchObject({ kind: 'chat', speaker: 'Grace Hopper', text: 'the launch page <script>alert(1)</script> is ready' });
		expect(hit!.snippet).not.toContain('<script>');
		expect(hit!.snippet).toContain('&lt;script&gt;');
		expect(hit!.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
	});
});

describe('filters', () => {
	const viewer = () => hostOf(english.room, english.host);

	it('by speaker, kind and date', async () => {
		const bySpeaker = await search(viewer(), { text: 'launch', speaker: 'linus' });
		expect(bySpeaker.map((h) => h.sessionId)).toEqual([budget.sessionId]);
		const chatOnly = await search(viewer(), { text: 'launch', kind: 'chat' });
		expect(chatOnly.map((h) => h.kind)).toEqual(['chat']);
		expect(await search(viewer(), { text: 'launch', from: new Date(Date.now() + 3_600_000) })).toEqual([]);
		expect((await search(viewer(), { text: 'launch', to: new Date(Date.now() + 3_600_000) })).length).toBeGreaterThan(1);
	});

	it('a -word leaves out the passages holding it', async () => {
		const all = await search(viewer(), { text: 'launch' });
		const without = await search(viewer(), { text: 'launch -Denver' });
		expect(all.some((h) => h.text.includes('Denver'))).toBe(true);
		expect(without.length).toBe(all.length - all.filter((h) => h.text.includes('Denver')).length);
		expect(without.some((h) => h.text.includes('Denver'))).toBe(false);
	});

	it('by room, and a limit that stays within 50', async () => {
		const both: MemoryViewer = { browserId: null, hostRoomIds: [english.room.id, french.room.id] };
		expect((await search(both, { text: 'bureaux', roomId: english.room.id })).length).toBe(0);
		expect((await search(both, { text: 'launch', limit: 1 })).length).toBe(1);
		expect((await search(both, { text: 'launch', limit: 10_000 })).length).toBeLessThanOrEqual(50);
	});
});

describe('access', () => {
	it('a guest of one meeting finds nothing from another meeting of the same room', async () => {
		const own = await search(guestView(launch.guest), { text: 'launch' });
		expect(own.length).toBeGreaterThan(0);
		expect(new Set(own.map((h) => h.sessionId))).toEqual(new Set([launch.sessionId]));
		expect(await search(guestView(launch.guest), { text: 'engineers budget Denver' })).toEqual([]);
	});

	it('a host finds every meeting of the room, and none of another room', async () => {
		const hits = await search(hostOf(english.room, english.host), { text: 'launch' });
		expect(new Set(hits.map((h) => h.sessionId))).toEqual(new Set([launch.sessionId, budget.sessionId]));
		expect(await search(hostOf(english.room, english.host), { text: 'bureaux Lyon' })).toEqual([]);
	});

	it('a stranger finds nothing', async () => {
		expect(await search({ browserId: newBrowser().browserId, hostRoomIds: [] }, { text: 'launch' })).toEqual([]);
		expect(await search({ browserId: null, hostRoomIds: [] }, { text: 'launch' })).toEqual([]);
	});

	it('the viewer from cookies: a live host cookie names its room; a stale or forged one does not', async () => {
		const secret = env().SESSION_SECRET;
		const jar = new Map<string, string>([
			['stoom-browser', sign(`browser:${launch.guest.browserId}`, secret)],
			[`host-${english.room.code}`, sign(`host-${english.room.code}:${english.host.hostSessionId}`, secret)],
			// The English room's host session presented under the French room's cookie: not the French room's host.
			[`host-${french.room.code}`, sign(`host-${french.room.code}:${english.host.hostSessionId}`, secret)],
			['host-abc-defg-hij', `host-abc-defg-hij:${french.host.hostSessionId}.forged`]
		]);
		const cookies = { get: (name: string) => jar.get(name), getAll: () => [...jar].map(([name, value]) => ({ name, value })) } as unknown as Cookies;
		expect(await memoryViewer(ctx, cookies)).toEqual({ browserId: launch.guest.browserId, hostRoomIds: [english.room.id] });
	});
});

describe('index upkeep', () => {
	it('indexing again replaces the passages; ended sessions without an index are listed', async () => {
		const count = async () =>
			Number((await ctx.db.selectFrom('memory_passages').select((eb) => eb.fn.countAll<string>().as('n')).where('session_id', '=', launch.sessionId).executeTakeFirstOrThrow()).n);
		const before = await count();
		expect(await indexSession(ctx.db, launch.sessionId)).toBe(before);
		expect(await count()).toBe(before);
		expect(await unindexedSessions(ctx.db, 1000)).not.toContain(launch.sessionId);
		await ctx.db.deleteFrom('memory_indexed_sessions').where('session_id', '=', launch.sessionId).execute();
		expect(await unindexedSessions(ctx.db, 1000)).toContain(launch.sessionId);
		await indexSession(ctx.db, launch.sessionId);
	});
});

describe('the board', () => {
	it('its notes and texts are searchable, by who wrote them, at when they were written', async () => {
		const { room, host } = await newRoom(ctx);
		const held = await meeting(room, host, 'Radia', []);
		const { started_at } = await ctx.db.selectFrom('meeting_sessions').select('started_at').where('id', '=', held.sessionId).executeTakeFirstOrThrow();
		const radia = await ctx.db.selectFrom('participants').select('identity').where('session_id', '=', held.sessionId).where('display_name', '=', 'Radia').executeTakeFirstOrThrow();
		const doc = createBoard();
		addShape(doc, note('n1', [0, 0, 200, 100], 'Spanning tree retrospective', { author: radia.identity, createdAt: started_at.getTime() + 125_000 }), 'test');
		addShape(doc, rect('r1', [0, 0, 10, 10]), 'test');
		await saveCompacted(ctx.db, held.sessionId, Y.encodeStateAsUpdate(doc), 2);
		await indexSession(ctx.db, held.sessionId);
		const hits = await search(hostOf(room, host), { text: 'spanning tree', kind: 'board' });
		expect(hits).toHaveLength(1);
		expect(hits[0]).toMatchObject({ kind: 'board', speaker: 'Radia', at: 125, sessionId: held.sessionId });
	});
});

describe('a viewer with many meetings in scope (read through the text index, not by session)', () => {
	it('finds the moment, and keeps to the room asked for', async () => {
		const { room, host } = await newRoom(ctx);
		const { rows } = await sql<{ id: string }>`
			insert into meeting_sessions (room_id, started_at, ended_at)
			select ${room.id}, now() - (i || ' hours')::interval, now() - (i || ' hours')::interval + interval '30 minutes'
			from generate_series(1, 230) as i returning id`.execute(ctx.db);
		const target = rows[117]!.id;
		await saveTranscript(ctx.db, target, [line('Barbara', 61, 'The substitution principle review moves to Thursday.')], 'offline');
		await indexSession(ctx.db, target);
		const viewer: MemoryViewer = { browserId: null, hostRoomIds: [room.id, english.room.id] };
		expect((await search(viewer, { text: 'substitution principle' }))[0]).toMatchObject({ sessionId: target, at: 61, speaker: 'Barbara' });
		expect(await search(viewer, { text: 'substitution principle', roomId: english.room.id })).toEqual([]);
		expect(await search({ browserId: null, hostRoomIds: [english.room.id] }, { text: 'substitution principle' })).toEqual([]);
	});
});
