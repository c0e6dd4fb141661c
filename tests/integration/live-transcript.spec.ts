import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citedLine } from '../../src/lib/insights/cited-line';
import { parseRoomMetadata } from '../../src/lib/room-metadata';
import { setTranscribing, updateRoomSettings } from '../../src/lib/server/access/room-settings.service';
import { env } from '../../src/lib/server/env';
import type { InsightsEngine, StructuredRequest } from '../../src/lib/server/insights/engines/engine';
import { latestInsights } from '../../src/lib/server/insights/insights.repository';
import { INSIGHTS_QUEUED } from '../../src/lib/server/meetings/queue-insights';
import type { JobQueue } from '../../src/lib/server/jobs/queue';
import { catchUp } from '../../src/lib/server/live/catch-up.service';
import { refreshLiveNotes } from '../../src/lib/server/live/live-notes.job';
import { finishLiveTranscript, writeMeetingInsights } from '../../src/lib/server/live/live-record.job';
import { storeFinals, type TranscriberSegments } from '../../src/lib/server/live/transcriber.service';
import { LIVE_IMPROVING, LIVE_KEPT } from '../../src/lib/server/meetings/record-stage';
import { findSessionById, setInsightsStatus, setOfflineTranscriptStatus, setTranscriptStatus } from '../../src/lib/server/meetings/session.repository';
import { meetingRecord } from '../../src/lib/server/records/meeting-record.service';
import { openSessionTranscribing } from '../../src/lib/server/rooms/room.repository';
import { deleteRecord } from '../../src/lib/server/records/record-deletion.service';
import { mergeTranscript } from '../../src/lib/server/transcription/merge-transcript.job';
import { AppProcess, createRoomAsHost, joinStep, postJson } from '../support/app-process';
import { joined, newRoom, pipelineOf, testContext } from './support';

async function transcriberToken(room: string, grant: Record<string, unknown> = { roomAdmin: true, room }): Promise<string> {
	const token = new AccessToken(env().LIVEKIT_API_KEY, env().LIVEKIT_API_SECRET, { identity: 'stoom-transcriber-test', ttl: 300 });
	token.addGrant(grant);
	return token.toJwt();
}

const final = (i: number, who = 'gus', atMs = Date.now() - 60_000 + i * 3000) => ({
	segmentId: `seg-${i}`,
	trackSid: `TR_${who}`,
	participantIdentity: who,
	speakerName: who === 'gus' ? 'Gus Guest' : 'Hana Host',
	text: `sentence number ${i}`,
	startMs: atMs,
	endMs: atMs + 2000,
	language: 'en'
});

describe('the transcriber endpoint, Transcribe and Catch me up over HTTP', () => {
	const app = new AppProcess(3241);
	const ctx = testContext();
	beforeAll(() => app.start(), 40_000);
	afterAll(async () => {
		await app.stop();
		await ctx.close();
	});

	const postSegments = (authorization: string | null, body: unknown) =>
		fetch(`${app.url}/api/transcriber/segments`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
			body: JSON.stringify(body)
		});

	it('keeps finals only from a roomAdmin token of that room, only while the meeting is transcribed, once per segment', async () => {
		const { code, cookie } = await createRoomAsHost(app.url);
		const host = await joinStep(app.url, code, 'Hana Host', { cookie });
		const body = { room: code, segments: [final(1), final(2)] };
		const bearer = `Bearer ${await transcriberToken(code)}`;

		expect((await postSegments(null, body)).status).toBe(401);
		expect((await postSegments('Bearer nonsense', body)).status).toBe(401);
		const browserToken = ((await (await postJson(app.url, `/api/rooms/${code}/token`, {}, { cookie: host.cookie })).json()) as { token: string }).token;
		expect((await postSegments(`Bearer ${browserToken}`, body)).status).toBe(403);
		expect((await postSegments(`Bearer ${await transcriberToken('zzz-zzzz-zzz')}`, body)).status).toBe(403);
		const tooMany = await postSegments(bearer, { room: code, segments: Array.from({ length: 51 }, (_, i) => final(i)) });
		expect(tooMany.status).toBe(400);
		expect(((await tooMany.json()) as { message: string }).message).toMatch(/segments/);
		const backwards = await postSegments(bearer, { room: code, segments: [{ ...final(1), endMs: 0 }] });
		expect(((await backwards.json()) as { message: string }).message).toMatch(/endMs/);

		// Not transcribed: nothing is kept.
		expect(await (await postSegments(bearer, body)).json()).toEqual({ stored: 0 });
		const on = await postJson(app.url, `/api/rooms/${code}/transcribe`, { on: true }, { cookie: host.cookie });
		expect(await on.json()).toEqual({ transcribing: true });
		const [lkRoom] = await ctx.livekit.listRooms([code]);
		expect(parseRoomMetadata(lkRoom?.metadata)).toMatchObject({ captions: true, transcribing: true, reactions: true, language: null });

		expect(await (await postSegments(bearer, body)).json()).toEqual({ stored: 2 });
		// The agent retries: the same segments again store nothing twice.
		expect(await (await postSegments(bearer, { room: code, segments: [final(2), final(3)] })).json()).toEqual({ stored: 1 });

		const lines = (await (await fetch(`${app.url}/api/rooms/${code}/live-transcript`, { headers: { cookie: host.cookie } })).json()) as { lines: { segmentId: string; speaker: string }[] };
		expect(lines.lines.map((l) => [l.segmentId, l.speaker])).toEqual([['seg-1', 'Gus Guest'], ['seg-2', 'Gus Guest'], ['seg-3', 'Gus Guest']]);
		const caught = await (await fetch(`${app.url}/api/rooms/${code}/catch-up`, { headers: { cookie: host.cookie } })).json();
		expect(caught).toMatchObject({ notes: null, since: [{ segmentId: 'seg-1' }, { segmentId: 'seg-2' }, { segmentId: 'seg-3' }] });

		// Transcribe off: nothing more is kept, and the panels say why.
		expect(await (await postJson(app.url, `/api/rooms/${code}/transcribe`, { on: false }, { cookie: host.cookie })).json()).toEqual({ transcribing: false });
		expect(await (await postSegments(bearer, { room: code, segments: [final(4)] })).json()).toEqual({ stored: 0 });
		const off = await fetch(`${app.url}/api/rooms/${code}/catch-up`, { headers: { cookie: host.cookie } });
		expect(off.status).toBe(409);
		expect(((await off.json()) as { message: string }).message).toMatch(/not being transcribed/);
	});

	it("ending a transcribed meeting makes its live transcript the record within 5 s (the app's own job runner), with the last final that came after", async () => {
		const { code, cookie } = await createRoomAsHost(app.url);
		const host = await joinStep(app.url, code, 'Hana Host', { cookie });
		expect(await (await postJson(app.url, `/api/rooms/${code}/transcribe`, { on: true }, { cookie: host.cookie })).json()).toEqual({ transcribing: true });
		const start = Date.now() - 30_000;
		const body = { room: code, segments: [final(2, 'gus', start + 9000), final(1, 'hana', start), final(3, 'hana', start + 12_000)] };
		expect(await (await postSegments(`Bearer ${await transcriberToken(code)}`, body)).json()).toEqual({ stored: 3 });

		const stopped = performance.now();
		expect((await postJson(app.url, `/api/rooms/${code}/end`, {}, { cookie: host.cookie })).status).toBe(200);
		const session = () =>
			ctx.db
				.selectFrom('meeting_sessions')
				.innerJoin('rooms', 'rooms.id', 'meeting_sessions.room_id')
				.selectAll('meeting_sessions')
				.where('rooms.code', '=', code)
				.executeTakeFirstOrThrow();
		let record = await session();
		while (record.transcript_status !== 'ready' && performance.now() - stopped < 5000) {
			await new Promise((r) => setTimeout(r, 100));
			record = await session();
		}
		const ms = Math.round(performance.now() - stopped);
		console.log(`stop → live transcript ready: ${ms} ms`);
		expect(record).toMatchObject({ transcript_status: 'ready', transcript_source: 'live', transcript_detail: null });
		expect(ms).toBeLessThan(5000);
		// In the order said, on the meeting's clock (no recording: from the meeting's start).
		expect(record.transcript.map((l) => [l.segmentId, l.speaker])).toEqual([['seg-1', 'Hana Host'], ['seg-2', 'Gus Guest'], ['seg-3', 'Hana Host']]);
		const origin = record.started_at.getTime();
		expect(record.transcript[1]!.timestamp).toBeCloseTo(Math.max(0, (start + 9000 - origin) / 1000), 1);

		// The final of what was said just before the end arrives after it: kept, and the record is
		// made again with it. Speech after the end is not kept.
		const bearer = `Bearer ${await transcriberToken(code)}`;
		expect(await (await postSegments(bearer, { room: code, segments: [final(4, 'gus', start + 20_000)] })).json()).toEqual({ stored: 1 });
		expect(await (await postSegments(bearer, { room: code, segments: [final(5, 'gus', Date.now() + 1000)] })).json()).toEqual({ stored: 0 });
		const deadline = performance.now() + 5000;
		while (record.transcript.length < 4 && performance.now() < deadline) {
			await new Promise((r) => setTimeout(r, 100));
			record = await session();
		}
		expect(record.transcript.map((l) => l.segmentId)).toEqual(['seg-1', 'seg-2', 'seg-3', 'seg-4']);
	});

	it('only hosts and co-hosts switch captions and Transcribe; a removed guest gets nothing', async () => {
		const { code, cookie } = await createRoomAsHost(app.url);
		const host = await joinStep(app.url, code, 'Hana Host', { cookie });
		const guest = await joinStep(app.url, code, 'Gus Guest');
		for (const path of ['captions', 'transcribe']) {
			expect((await postJson(app.url, `/api/rooms/${code}/${path}`, { on: true }, { cookie: guest.cookie })).status).toBe(403);
			expect((await postJson(app.url, `/api/rooms/${code}/${path}`, { on: 'yes' }, { cookie: host.cookie })).status).toBe(400);
			expect((await postJson(app.url, `/api/rooms/${code}/${path}`, { on: true }, { cookie: host.cookie, origin: 'https://evil.example' })).status).toBe(403);
		}
		expect(await (await postJson(app.url, `/api/rooms/${code}/captions`, { on: false }, { cookie: host.cookie })).json()).toEqual({ captions: false });
		const [lkRoom] = await ctx.livekit.listRooms([code]);
		expect(parseRoomMetadata(lkRoom?.metadata).captions).toBe(false);
		const refused = await postJson(app.url, `/api/rooms/${code}/transcribe`, { on: true }, { cookie: host.cookie });
		expect(refused.status).toBe(409);
		expect(((await refused.json()) as { message: string }).message).toMatch(/captions are off/i);
		// A co-host may switch both.
		const cora = await joinStep(app.url, code, 'Cora Cohost');
		const coraId = await ctx.db.selectFrom('participants').innerJoin('rooms', 'rooms.id', 'participants.room_id').select('participants.identity').where('rooms.code', '=', code).where('participants.display_name', '=', 'Cora Cohost').executeTakeFirstOrThrow();
		expect((await postJson(app.url, `/api/rooms/${code}/participants/${coraId.identity}`, { action: 'make_cohost' }, { cookie: host.cookie })).status).toBe(200);
		expect(await (await postJson(app.url, `/api/rooms/${code}/captions`, { on: true }, { cookie: cora.cookie })).json()).toEqual({ captions: true });
		expect(await (await postJson(app.url, `/api/rooms/${code}/transcribe`, { on: true }, { cookie: cora.cookie })).json()).toEqual({ transcribing: true });

		// The guest (admitted) may catch up; removed, they may not.
		expect((await fetch(`${app.url}/api/rooms/${code}/catch-up`, { headers: { cookie: guest.cookie } })).status).toBe(200);
		const gus = await ctx.db.selectFrom('participants').innerJoin('rooms', 'rooms.id', 'participants.room_id').select('participants.identity').where('rooms.code', '=', code).where('participants.display_name', '=', 'Gus Guest').executeTakeFirstOrThrow();
		expect((await postJson(app.url, `/api/rooms/${code}/participants/${gus.identity}`, { action: 'remove' }, { cookie: host.cookie })).status).toBe(200);
		for (const path of ['catch-up', 'live-transcript']) expect((await fetch(`${app.url}/api/rooms/${code}/${path}`, { headers: { cookie: guest.cookie } })).status).toBe(403);
		expect((await postJson(app.url, `/api/rooms/${code}/transcribe`, { on: false }, { cookie: guest.cookie })).status).toBe(403);
		// Someone who never joined: nothing either.
		expect((await fetch(`${app.url}/api/rooms/${code}/catch-up`)).status).toBe(403);
	});
});

/** Writes one key point citing every id it was shown (notes), or every citation it was given (combine). */
function echoEngine(): InsightsEngine & { requests: StructuredRequest[] } {
	const requests: StructuredRequest[] = [];
	return {
		name: 'openai-compatible',
		model: 'echo',
		contextTokens: 100_000,
		requests,
		async generate(request) {
			requests.push(request);
			const ids = [...new Set([...request.prompt.matchAll(/\b([TC]\d+)\b/g)].map((m) => m[1]!))];
			return {
				json: { summary: `notes ${requests.length}`, keyPoints: [{ text: `covers ${ids.join(',')}`, citations: ids }], decisions: [], actionItems: [], openQuestions: [] },
				usage: { inputTokens: 10, outputTokens: 5 }
			};
		}
	};
}

describe('a transcribed meeting: rolling notes, Catch me up, and the record at stop', () => {
	const ctx = testContext();
	afterAll(() => ctx.close());
	const queued: string[] = [];
	const jobs: JobQueue = { enqueue: async (name) => void queued.push(name) };
	const attempt = { retryCount: 0, lastAttempt: false };

	/** A meeting with Transcribe on, a stopped recording of Ada and Bo (mix from `t0`), and `n` finals posted. */
	async function meeting(engine: InsightsEngine, t0: number) {
		const pctx = { ...pipelineOf(ctx, jobs), insights: { engine, maxOutputTokens: 500, defaultLanguage: 'en' } };
		const { room, host } = await newRoom(ctx);
		await joined(ctx, room, host, 'Hana Host');
		expect(await setTranscribing(ctx, room, true)).toEqual({ transcribing: true });
		const session = (await openSessionTranscribing(ctx.db, room.id))!.session;
		const run = await ctx.db.insertInto('recording_runs').values({ session_id: session.id, room_id: room.id, status: 'stopping' }).returningAll().executeTakeFirstOrThrow();
		const recording = (values: { kind: 'composite' | 'track'; who?: string }) =>
			ctx.db
				.insertInto('recordings')
				.values({
					run_id: run.id,
					kind: values.kind,
					participant_identity: values.who ?? null,
					speaker_name: values.who === 'ada' ? 'Ada' : values.who === 'bo' ? 'Bo' : null,
					track_sid: values.who ? `TR_${values.who}` : null,
					file_path: `/tmp/none-${values.who ?? 'mix'}.ogg`,
					status: 'complete',
					started_at: new Date(t0),
					ended_at: new Date(t0 + 600_000)
				})
				.returningAll()
				.executeTakeFirstOrThrow();
		await recording({ kind: 'composite' });
		const tracks = { ada: await recording({ kind: 'track', who: 'ada' }), bo: await recording({ kind: 'track', who: 'bo' }) };
		/** Ada and Bo take turns, 10 s apart, from 5 s into the recording. */
		const say = (from: number, to: number): TranscriberSegments => ({
			room: room.code,
			segments: Array.from({ length: to - from + 1 }, (_, k) => {
				const i = from + k;
				const who = i % 2 ? 'ada' : 'bo';
				return { segmentId: `live-${i}`, trackSid: `TR_${who}`, participantIdentity: who, speakerName: who === 'ada' ? 'Ada' : 'Bo', text: `live words ${i}`, startMs: t0 + 5000 + i * 10_000, endMs: t0 + 12_000 + i * 10_000, language: 'en' };
			})
		});
		return { pctx, room, session, tracks, say };
	}

	it('Catch me up cites the live lines; at stop the transcript is ready at once, insights come from the notes plus one request on the remainder, and survive the offline pass', async () => {
		const engine = echoEngine();
		const t0 = Date.now() - 10 * 60_000;
		const { pctx, room, session, tracks, say } = await meeting(engine, t0);

		expect(await storeFinals(pctx, room.code, say(1, 4))).toEqual({ stored: 4 });
		expect(queued).toContain('notes.refresh');
		await refreshLiveNotes(pctx, session.id, 0);
		expect(engine.requests).toHaveLength(1);
		const caught = await catchUp(ctx, room);
		if ('ok' in caught) throw new Error(caught.reason);
		const cited = caught.notes!.keyPoints[0]!.citations;
		expect(cited.map((c) => [c.ref, c.speaker, c.text])).toEqual([1, 2, 3, 4].map((i) => [`live-${i}`, i % 2 ? 'Ada' : 'Bo', `live words ${i}`]));
		expect(cited[0]!.time).toBe(new Date(t0 + 15_000).toISOString());
		expect(caught.since).toEqual([]);

		expect(await storeFinals(pctx, room.code, say(5, 7))).toEqual({ stored: 3 });
		const later = await catchUp(ctx, room);
		if ('ok' in later) throw new Error(later.reason);
		expect(later.since.map((l) => l.segmentId)).toEqual(['live-5', 'live-6', 'live-7']);

		// Stop: the live transcript is the record's, at once, on the record's clock.
		const stopped = performance.now();
		await finishLiveTranscript(pctx, session.id);
		expect(performance.now() - stopped).toBeLessThan(5000);
		const record = (await findSessionById(ctx.db, session.id))!;
		// Its insights are queued, and the record says so before the engine's turn comes.
		expect(record).toMatchObject({ transcript_status: 'ready', transcript_source: 'live', transcript_detail: LIVE_IMPROVING, insights_status: 'pending', insights_detail: INSIGHTS_QUEUED });
		expect(record.transcript.map((l) => [l.segmentId, l.speaker, l.timestamp, l.end])).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => [`live-${i}`, i % 2 ? 'Ada' : 'Bo', 5 + i * 10, 12 + i * 10]));
		expect(queued).toContain('insights.generate');

		// Insights: one request, on the three lines the notes did not cover; its notes join the rolling ones.
		await writeMeetingInsights(pctx, session.id, attempt);
		expect(engine.requests).toHaveLength(2);
		expect(engine.requests[1]!.prompt).not.toMatch(/\bT[1-4]\b/);
		expect(engine.requests[1]!.prompt).toMatch(/T5[\s\S]*T6[\s\S]*T7/);
		const insights = (await latestInsights(ctx.db, session.id))!;
		expect(insights.status).toBe('ready');
		const citations = insights.insights!.keyPoints.flatMap((k) => k.citations);
		expect(citations.map((c) => c.ref).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `live-${i}`));
		expect(citations.find((c) => c.ref === 'live-3')?.at).toBe(35);

		// The offline pass completes for both speakers: its text replaces the live one...
		const offline = (who: 'ada' | 'bo') => [1, 2, 3, 4, 5, 6, 7].filter((i) => (i % 2 ? 'ada' : 'bo') === who).map((i) => ({ start: 5 + i * 10 + 0.3, end: 12 + i * 10, text: `offline words ${i}` }));
		await ctx.db
			.insertInto('transcript_parts')
			.values([
				{ recording_id: tracks.ada.id, status: 'done', segments: JSON.stringify(offline('ada')) },
				{ recording_id: tracks.bo.id, status: 'done', segments: JSON.stringify(offline('bo')) }
			])
			.execute();
		await mergeTranscript(pctx, session.id);
		const replaced = (await findSessionById(ctx.db, session.id))!;
		// Insights already written are not hidden behind the job the merge queues.
		expect(replaced).toMatchObject({ transcript_status: 'ready', transcript_source: 'offline', transcript_detail: null, insights_status: 'ready' });
		expect(replaced.transcript.map((l) => l.text)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `offline words ${i}`));
		expect(replaced.transcript.some((l) => l.segmentId?.startsWith('live-'))).toBe(false);
		// ...and every citation of the insights still finds its words, by time.
		for (const c of citations) expect(citedLine(c, replaced.transcript)?.text).toBe(`offline words ${c.ref.slice('live-'.length)}`);
		// The insights stand: not written again.
		await writeMeetingInsights(pctx, session.id, attempt);
		expect(engine.requests).toHaveLength(2);
		expect((await latestInsights(ctx.db, session.id))!.id).toBe(insights.id);
	});

	it('counts every change of the record stage once, even when jobs change it at the same moment; the record read carries the count', async () => {
		const { room, host } = await newRoom(ctx);
		await joined(ctx, room, host, 'Hana Host');
		await setTranscribing(ctx, room, true);
		const session = (await openSessionTranscribing(ctx.db, room.id))!.session;
		const before = (await findSessionById(ctx.db, session.id))!.stage_seq;
		await Promise.all(
			Array.from({ length: 10 }, (_, i) => [
				setInsightsStatus(ctx.db, session.id, i % 2 ? 'running' : 'pending', null),
				setOfflineTranscriptStatus(ctx.db, session.id, 'transcribing', `${i} of 10`, LIVE_IMPROVING),
				setTranscriptStatus(ctx.db, session.id, 'merging', null)
			]).flat()
		);
		const after = (await findSessionById(ctx.db, session.id))!;
		expect(after.stage_seq - before).toBe(30);
		expect((await meetingRecord(ctx.db, after)).stageSeq).toBe(after.stage_seq);
	});

	it("the host's settings page turns captions off and sets the language: the call hears both from the room metadata", async () => {
		const { room } = await newRoom(ctx);
		const settings = { password: '', clearPassword: false, muteOnJoin: false, cameraOffOnJoin: false, locked: false, askToJoin: false, reactions: true, maxParticipants: 20 };
		const saved = await updateRoomSettings(ctx, room, { ...settings, captions: false, spokenLanguage: 'fr' });
		expect(saved).toMatchObject({ captions: false, transcription_language: 'fr' });
		const [lkRoom] = await ctx.livekit.listRooms([room.code]);
		expect(parseRoomMetadata(lkRoom?.metadata)).toEqual({ reactions: true, captions: false, transcribing: false, language: 'fr' });
	});

	it("deleting the record of a meeting that was transcribed but never recorded forgets its live transcript and notes", async () => {
		const engine = echoEngine();
		const pctx = { ...pipelineOf(ctx, jobs), insights: { engine, maxOutputTokens: 500, defaultLanguage: 'en' } };
		const { room, host } = await newRoom(ctx);
		await joined(ctx, room, host, 'Hana Host');
		await setTranscribing(ctx, room, true);
		const session = (await openSessionTranscribing(ctx.db, room.id))!.session;
		const at = Date.now() - 20_000;
		expect(await storeFinals(pctx, room.code, { room: room.code, segments: [final(1, 'hana', at), final(2, 'hana', at + 4000)] })).toEqual({ stored: 2 });
		await refreshLiveNotes(pctx, session.id, 0);
		await finishLiveTranscript(pctx, session.id);
		expect((await findSessionById(ctx.db, session.id))!.transcript).toHaveLength(2);

		expect(await deleteRecord(pctx, session.id)).toEqual({ ok: true, files: 0 });
		const count = async (table: 'live_segments' | 'live_notes') => (await ctx.db.selectFrom(table).select('id').where('session_id', '=', session.id).execute()).length;
		expect([await count('live_segments'), await count('live_notes')]).toEqual([0, 0]);
		expect((await findSessionById(ctx.db, session.id))!).toMatchObject({ transcript: [], transcript_status: 'none', transcript_source: null });
		expect(await deleteRecord(pctx, session.id)).toEqual({ ok: false, reason: 'no_recording' });
	});

	it('keeps the live transcript when the offline pass failed for a speaker', async () => {
		const engine = echoEngine();
		const t0 = Date.now() - 10 * 60_000;
		const { pctx, room, session, tracks, say } = await meeting(engine, t0);
		expect(await storeFinals(pctx, room.code, say(1, 2))).toEqual({ stored: 2 });
		await finishLiveTranscript(pctx, session.id);
		await ctx.db
			.insertInto('transcript_parts')
			.values([
				{ recording_id: tracks.ada.id, status: 'done', segments: JSON.stringify([{ start: 15, end: 22, text: 'offline words 1' }]) },
				{ recording_id: tracks.bo.id, status: 'failed', error: 'The transcription service could not read this audio.' }
			])
			.execute();
		await mergeTranscript(pctx, session.id);
		const kept = (await findSessionById(ctx.db, session.id))!;
		expect(kept).toMatchObject({ transcript_status: 'ready', transcript_source: 'live', transcript_detail: LIVE_KEPT });
		expect(kept.transcript.map((l) => l.text)).toEqual(['live words 1', 'live words 2']);
	});
});
