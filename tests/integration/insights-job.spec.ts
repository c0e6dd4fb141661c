import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGeminiEngine } from '../../src/lib/server/insights/engines/gemini';
import { generateInsights, INSIGHTS_OFF } from '../../src/lib/server/insights/generate-insights.job';
import type { InsightsContext } from '../../src/lib/server/insights/insights-context';
import type { JobQueue } from '../../src/lib/server/jobs/queue';
import { latestInsights } from '../../src/lib/server/insights/insights.repository';
import { findSessionById } from '../../src/lib/server/meetings/session.repository';
import { meetingRecord } from '../../src/lib/server/records/meeting-record.service';
import { geminiAnswer, geminiError, startGeminiRestServer, type GeminiRestServer } from '../support/gemini-rest-server';
import { joined, newBrowser, newRoom, testContext } from './support';

const ctx = testContext();
let server: GeminiRestServer;
beforeAll(async () => {
	server = await startGeminiRestServer();
});
beforeEach(() => server.reset());
afterAll(async () => {
	await server.close();
	await ctx.close();
});

const FIRST = { retryCount: 0, lastAttempt: false };
const LAST = { retryCount: 8, lastAttempt: true };

/** The job's context; what it queues next (search indexing, item sync) is not run here. */
function context(engine: 'gemini' | null = 'gemini'): InsightsContext & { jobs: JobQueue } {
	return {
		db: ctx.db,
		jobs: { enqueue: async () => undefined },
		livekit: ctx.livekit,
		insights: {
			engine: engine && createGeminiEngine({ apiKey: 'test-key', model: 'gemini-2.5-flash', baseUrl: server.url, timeoutMs: 5000 }),
			maxOutputTokens: 1000
		}
	};
}

/** A finished meeting: Ada and Bo took part and said three things. */
async function finishedMeeting() {
	const { room, host } = await newRoom(ctx);
	await joined(ctx, room, host, 'Ada Lovelace');
	const { participant: bo } = await joined(ctx, room, newBrowser(), 'Bo Chen');
	const session = (await ctx.db.selectFrom('meeting_sessions').selectAll().where('room_id', '=', room.id).executeTakeFirstOrThrow())!;
	const line = (speaker: string, text: string, timestamp: number, i: number) => ({ speaker, text, timestamp, isActive: false, segmentId: `${speaker}:0:${i}` });
	const transcript = [
		line('Ada Lovelace', 'We ship the release on Friday.', 3, 0),
		line('Bo Chen', 'I will write the release notes by Thursday.', 8, 1),
		line('Ada Lovelace', 'Who talks to the printer?', 14, 2)
	];
	await ctx.db.updateTable('meeting_sessions').set({ transcript: JSON.stringify(transcript), transcript_status: 'ready' }).where('id', '=', session.id).execute();
	return { room, session, bo };
}

/** The notes request's answer (its decisions and action items give way to the tasks request's). */
const answer = (fields: object) =>
	geminiAnswer(JSON.stringify({ summary: 'A release meeting.', keyPoints: [], decisions: [], actionItems: [], openQuestions: [], ...fields }));
/** The focused request for decisions and action items, asked first. */
const tasks = (fields: object = {}) => geminiAnswer(JSON.stringify({ decisions: [], actionItems: [], ...fields }));

describe('the insights job', () => {
	it('stores checked insights: invented citations removed, an unknown owner flagged, the engine and model named', async () => {
		const { session } = await finishedMeeting();
		server.enqueue(
			tasks({
				decisions: [
					{ text: 'Ship on Friday', citations: ['T1'] },
					{ text: 'Hire a band', citations: ['T42'] } // no such line: dropped
				],
				actionItems: [
					{ text: 'Write the release notes', owner: 'Bo', due: 'Thursday', citations: ['T2', 'T77'] },
					{ text: 'Call the printer', owner: 'Zed', due: null, citations: ['T3'] }
				]
			}),
			answer({ decisions: [{ text: 'Not kept: the tasks request decides', citations: ['T1'] }] })
		);
		await generateInsights(context(), session.id, FIRST);

		const row = (await latestInsights(ctx.db, session.id))!;
		expect(row).toMatchObject({ status: 'ready', engine: 'gemini', model: 'gemini-2.5-flash', dropped: 1, flagged: 1 });
		expect(row.insights!.decisions.map((d) => d.text)).toEqual(['Ship on Friday']);
		expect(row.insights!.actionItems).toEqual([
			{ text: 'Write the release notes', owner: 'Bo Chen', due: 'Thursday', citations: [{ kind: 'line', ref: 'Bo Chen:0:1', at: 8, speaker: 'Bo Chen' }] },
			{ text: 'Call the printer', owner: null, unconfirmedOwner: 'Zed', due: null, citations: [{ kind: 'line', ref: 'Ada Lovelace:0:2', at: 14, speaker: 'Ada Lovelace' }] }
		]);
		// Both prompts carried the speakers, the times and the line ids.
		expect(server.requests).toHaveLength(2);
		for (const request of server.requests) expect(JSON.stringify(request.body)).toContain('[T2 00:08] Bo Chen: I will write the release notes by Thursday.');
		const view = (await meetingRecord(ctx.db, (await findSessionById(ctx.db, session.id))!)).insights;
		expect(view).toMatchObject({ status: 'ready', engine: 'gemini', model: 'gemini-2.5-flash', dropped: 1, flagged: 1 });
	});

	it('is idempotent for the same transcript, prompt and model; the host’s re-run asks again', async () => {
		const { session } = await finishedMeeting();
		server.enqueue(tasks(), answer({}), tasks(), answer({ summary: 'Written again.' }));
		await generateInsights(context(), session.id, FIRST);
		await generateInsights(context(), session.id, FIRST);
		expect(server.requests).toHaveLength(2); // tasks, then notes; the second run asks nothing
		await generateInsights(context(), session.id, FIRST, { force: true });
		expect(server.requests).toHaveLength(4);
		expect((await latestInsights(ctx.db, session.id))!.insights!.summary).toBe('Written again.');
	});

	it('retries a rate-limited engine (the job throws, the reader sees it waiting), then succeeds', async () => {
		const { session } = await finishedMeeting();
		server.enqueue(geminiError(429, 'Resource exhausted'), tasks(), answer({}));
		await expect(generateInsights(context(), session.id, FIRST)).rejects.toThrow();
		expect(await findSessionById(ctx.db, session.id)).toMatchObject({ insights_status: 'pending', insights_detail: 'Waiting for the insights engine…' });
		await generateInsights(context(), session.id, { retryCount: 1, lastAttempt: false });
		expect(await findSessionById(ctx.db, session.id)).toMatchObject({ insights_status: 'ready' });
		expect(server.requests).toHaveLength(3);
	});

	it.each([
		['a refused request (400) is final, not retried', geminiError(400, 'API key not valid'), FIRST, /refused the request \(HTTP 400\)/],
		['a blocked answer is final, with its reason', { status: 200, body: { promptFeedback: { blockReason: 'SAFETY' }, candidates: [] } }, FIRST, /declined to write insights/],
		['an engine still failing on the last attempt', geminiError(503, 'overloaded'), LAST, /did not answer, after 9 attempts/]
	])('%s', async (_name, reply, attempt, reason) => {
		const { session } = await finishedMeeting();
		server.enqueue(reply);
		await generateInsights(context(), session.id, attempt);
		expect(server.requests).toHaveLength(1);
		const after = (await findSessionById(ctx.db, session.id))!;
		expect(after.insights_status).toBe('failed');
		expect(after.insights_detail).toMatch(reason);
		expect(after.insights_detail).not.toMatch(/127\.0\.0\.1|http/);
		// The transcript was final before and stays so.
		expect(after.transcript_status).toBe('ready');
	});

	it('says insights are off, and how to turn them on, when no engine is configured', async () => {
		const { session } = await finishedMeeting();
		await generateInsights(context(null), session.id, FIRST);
		expect(await findSessionById(ctx.db, session.id)).toMatchObject({ insights_status: 'off', insights_detail: INSIGHTS_OFF });
		expect(INSIGHTS_OFF).toMatch(/GEMINI_API_KEY[\s\S]*INSIGHTS_BASE_URL/);
	});
});
