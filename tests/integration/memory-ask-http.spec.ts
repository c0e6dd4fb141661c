import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSession } from '../../src/lib/server/memory/index.service';
import { markSessionEnded, openSession, saveTranscript, setTranscriptStatus } from '../../src/lib/server/meetings/session.repository';
import { findRoomByCode } from '../../src/lib/server/rooms/room.repository';
import { AppProcess, createRoomAsHost, postJson } from '../support/app-process';
import { testContext } from './support';

// POST /api/memory/ask through the built app: the host's cookie, NDJSON streamed (draft
// lines, then the verified answer citing the stored meeting), the Origin check, zod, and the
// per-address limit — with the real local engine.
const ctx = testContext();
const app = new AppProcess(3219, { RATE_LIMIT_ASK: '4/600' });
beforeAll(() => app.start(), 40_000);
afterAll(async () => {
	await app.stop();
	await ctx.close();
});

async function lines(response: Response): Promise<{ type: string; [k: string]: unknown }[]> {
	return (await response.text())
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l));
}

describe('POST /api/memory/ask', () => {
	it('streams the draft then the verified answer to the host; refuses other origins, bad bodies, and past the limit', async () => {
		const { code, cookie } = await createRoomAsHost(app.url);
		const room = (await findRoomByCode(ctx.db, code))!;
		const session = await openSession(ctx.db, room.id);
		const said = 'We decided to move the Denver office opening to April 14.';
		await saveTranscript(ctx.db, session.id, [
			{ speaker: 'Ada Lovelace', text: 'Good morning, let us start with the office plans.', timestamp: 2, isActive: false, segmentId: 'a:0:0' },
			{ speaker: 'Bo Chen', text: said, timestamp: 9, isActive: false, segmentId: 'b:0:1' }
		]);
		await setTranscriptStatus(ctx.db, session.id, 'ready', null);
		await markSessionEnded(ctx.db, session.id, new Date());
		await indexSession(ctx.db, session.id);

		const response = await postJson(app.url, '/api/memory/ask', { question: 'When will the Denver office open?', code }, { cookie });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
		const got = await lines(response);
		expect(got.filter((l) => l.type === 'draft').length).toBeGreaterThan(0);
		const final = got.at(-1) as { type: string; answer: { notFound: boolean; claims: { citations: { sessionId: string; roomCode: string; text: string; at: number }[] }[] } };
		expect(final.type).toBe('final');
		expect(final.answer.notFound).toBe(false);
		const cited = final.answer.claims.flatMap((c) => c.citations);
		expect(cited).toContainEqual(expect.objectContaining({ sessionId: session.id, roomCode: code, text: said, at: 9 }));

		// Another origin never reaches it; a bad body is a 400 (neither counts against the limit).
		expect((await postJson(app.url, '/api/memory/ask', { question: 'When will the Denver office open?' }, { cookie, origin: 'https://evil.example' })).status).toBe(403);
		expect((await postJson(app.url, '/api/memory/ask', { question: 'hi' }, { cookie })).status).toBe(400);
		expect((await postJson(app.url, '/api/memory/ask', { question: 'When will the Denver office open?', code: 'not a code' }, { cookie })).status).toBe(400);

		// A browser with no meetings: "not found" at once, no engine asked.
		const stranger = await lines(await postJson(app.url, '/api/memory/ask', { question: 'When will the Denver office open?' }));
		expect(stranger).toEqual([{ type: 'final', answer: expect.objectContaining({ notFound: true, claims: [], passages: 0 }) }]);

		// 4 a client address per 10 minutes: two more pass, the fifth is refused with a wait.
		for (let i = 0; i < 2; i++) expect((await postJson(app.url, '/api/memory/ask', { question: 'Anything about budgets?' })).status).toBe(200);
		const refused = await postJson(app.url, '/api/memory/ask', { question: 'Anything about budgets?' });
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await refused.json()) as { message: string }).toEqual({ message: expect.stringMatching(/many questions/) });
	}, 240_000);
});
