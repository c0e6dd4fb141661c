import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccessToken } from 'livekit-server-sdk';
import { PgBoss, type JobWithMetadata } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess, createRoomAsHost, setRecordingAs } from '../support/app-process';
import { SpeechBot } from '../support/speech-bot';
import { recordedMeeting, sendJobs, speechFile, waitForTranscript as waitForSession } from '../support/pipeline-fixtures';
import { readPcm16, speechWav } from '../support/speech';
import { wordErrorRate } from '../support/wer';
import { env } from '../../src/lib/server/env';
import { transcribeTrack } from '../../src/lib/server/transcription/transcribe-track.job';
import type { TranscriptionContext } from '../../src/lib/server/transcription/transcription-context';
import { createWhisperClient } from '../../src/lib/server/transcription/whisper-client';
import { testContext } from './support';

const ctx = testContext();
const app = new AppProcess(3200);
beforeAll(() => app.start(), 40_000);
afterAll(async () => {
	await app.stop();
	await ctx.close();
});

/** A finished recording of the given speakers in a fresh room. */
async function prepareTranscription(files: { speaker: string; path: string }[]) {
	const { code } = await createRoomAsHost(app.url);
	const room = await ctx.db.selectFrom('rooms').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
	return recordedMeeting(ctx.db, room.id, files);
}

const enqueue = sendJobs;
const waitForTranscript = (sessionId: string, timeoutMs: number) => waitForSession(ctx.db, sessionId, timeoutMs);

async function waitForActiveTrack(speaker: string, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const tracks = await ctx.db.selectFrom('recordings').select('status').where('kind', '=', 'track').where('speaker_name', '=', speaker).execute();
		if (tracks.some((t) => t.status === 'active')) return;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`${speaker}'s microphone was not being recorded within ${timeoutMs} ms`);
}

describe('the pipeline without webhooks', () => {
	it('records a late joiner and finishes the transcript from the reconciliation poll alone', async () => {
		// This app's port is not a webhook target: track_published and egress_ended never arrive.
		const { code, cookie } = await createRoomAsHost(app.url);
		const ada = await SpeechBot.join(app.url, code, 'Ada Early');
		const { sessionId } = await setRecordingAs(app.url, code, cookie, 'start');
		// Without webhooks only the poll (every 15 s) learns that an egress became active, and
		// the first egress on a fresh machine is slow to start: speak once it really records.
		await waitForActiveTrack('Ada Early');
		await ada.speak(readPcm16(speechWav(['Good morning everyone, let us begin the review.'])));

		// Only the poll can notice Bo's microphone: no track_published webhook reaches this app.
		const bo = await SpeechBot.join(app.url, code, 'Bo Late');
		await waitForActiveTrack('Bo Late');
		await bo.speak(readPcm16(speechWav(['The budget for next quarter is approved.'])));
		await setRecordingAs(app.url, code, cookie, 'stop');

		const session = await waitForTranscript(sessionId, 150_000);
		expect(session.transcript_status).toBe('ready');
		const said = (name: string) => session.transcript.filter((l) => l.speaker === name).map((l) => l.text).join(' ');
		expect(wordErrorRate('Good morning everyone, let us begin the review.', said('Ada Early'))).toBeLessThanOrEqual(0.3);
		expect(wordErrorRate('The budget for next quarter is approved.', said('Bo Late'))).toBeLessThanOrEqual(0.3);
		await ada.leave();
		await bo.leave();
	}, 240_000);
});

describe('a worker killed mid-transcription', () => {
	it('resumes after restart, and the transcript has each line once', async () => {
		// A prepared recording of about 40 s of speech, as Egress would have left it.
		const sentences = Array.from({ length: 6 }, (_, i) => `This is sentence number ${i + 1} of the long recording about the product launch plan.`);
		const file = speechFile('kill-test', sentences);

		const { sessionId, recordingIds } = await prepareTranscription([{ speaker: 'Kim', path: file }]);
		const recording = { id: recordingIds[0]! };
		const session = { id: sessionId };
		const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: 'pgboss', supervise: false, schedule: false });
		await boss.start();
		await boss.send('transcript.track', { recordingId: recording.id }, { singletonKey: recording.id });

		// Kill the app as soon as it has the job.
		const activeBy = Date.now() + 20_000;
		let job: JobWithMetadata | undefined;
		while (Date.now() < activeBy) {
			job = (await boss.findJobs<object>('transcript.track', { key: recording.id }))[0];
			if (job?.state === 'active') break;
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(job?.state).toBe('active');
		await app.kill9();
		const part = await ctx.db.selectFrom('transcript_parts').selectAll().where('recording_id', '=', recording.id).executeTakeFirstOrThrow();
		expect(part.status).toBe('pending');

		await app.start();
		await boss.send('transcript.merge', { sessionId: session.id });
		const done = await waitForTranscript(session.id, 120_000);
		expect(done.transcript_status).toBe('ready');
		const segmentIds = done.transcript.map((l) => l.segmentId);
		expect(new Set(segmentIds).size).toBe(segmentIds.length);
		expect(wordErrorRate(sentences.join(' '), done.transcript.map((l) => l.text).join(' '))).toBeLessThanOrEqual(0.3);
		const [finished] = await boss.findJobs<object>('transcript.track', { key: recording.id });
		expect(finished?.state).toBe('completed');
		expect(finished?.retryCount).toBeGreaterThanOrEqual(1);
		await boss.stop({ graceful: false });
	}, 200_000);
});

describe('Whisper down, and bad audio', () => {
	it('waits for the transcription service, says so, and finishes when it is back', async () => {
		const sentence = 'The service came back and the transcript was finished.';
		const { sessionId, recordingIds } = await prepareTranscription([{ speaker: 'Wes', path: speechFile('whisper-down', [sentence]) }]);
		await app.stop();
		const noWhisper = new AppProcess(3201, { WHISPER_API_URL: 'http://127.0.0.1:9' });
		await noWhisper.start();
		try {
			await enqueue([{ name: 'transcript.track', data: { recordingId: recordingIds[0] }, key: recordingIds[0] }]);
			const deadline = Date.now() + 30_000;
			let session;
			do {
				session = await ctx.db.selectFrom('meeting_sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
				if (session.transcript_status === 'waiting') break;
				await new Promise((r) => setTimeout(r, 300));
			} while (Date.now() < deadline);
			expect(session.transcript_status).toBe('waiting');
			expect(session.transcript_detail).toBe('Waiting for the transcription service…');
			const part = await ctx.db.selectFrom('transcript_parts').selectAll().where('recording_id', '=', recordingIds[0]!).executeTakeFirstOrThrow();
			expect(part.status).toBe('pending');
		} finally {
			await noWhisper.stop();
		}
		await app.start(); // Whisper reachable again: the retried job completes.
		const done = await waitForTranscript(sessionId, 150_000);
		expect(done.transcript_status).toBe('ready');
		expect(wordErrorRate(sentence, done.transcript.map((l) => l.text).join(' '))).toBeLessThanOrEqual(0.3);
	}, 200_000);

	it('fails only the speakers whose audio is empty or corrupt; the rest of the transcript completes', async () => {
		const dir = join(env().RECORDINGS_STORAGE_PATH, 'pipeline-tests');
		mkdirSync(dir, { recursive: true });
		const corrupt = join(dir, 'corrupt.ogg');
		const empty = join(dir, 'empty.ogg');
		writeFileSync(corrupt, randomBytes(40_000));
		writeFileSync(empty, '');
		const sentence = 'Only my words should be in this transcript.';
		const { sessionId, recordingIds } = await prepareTranscription([
			{ speaker: 'Good Speaker', path: speechFile('good', [sentence]) },
			{ speaker: 'Corrupt Speaker', path: corrupt },
			{ speaker: 'Empty Speaker', path: empty }
		]);
		await enqueue(recordingIds.map((id) => ({ name: 'transcript.track', data: { recordingId: id }, key: id })));
		const done = await waitForTranscript(sessionId, 120_000);
		expect(done.transcript_status).toBe('ready');
		expect(done.transcript_detail).toBe('2 of 3 speakers could not be transcribed.');
		expect(new Set(done.transcript.map((l) => l.speaker))).toEqual(new Set(['Good Speaker']));
		const parts = await ctx.db.selectFrom('transcript_parts').selectAll().where('recording_id', 'in', recordingIds).execute();
		const byId = new Map(parts.map((p) => [p.recording_id, p]));
		expect(byId.get(recordingIds[1]!)).toMatchObject({ status: 'failed' });
		expect(byId.get(recordingIds[1]!)?.error).toMatch(/damaged/);
		expect(byId.get(recordingIds[2]!)).toMatchObject({ status: 'failed', error: 'The recording is empty.' });
	}, 150_000);
});

describe('the dead state', () => {
	it('marks a speaker failed with the reason once the last retry is spent', async () => {
		const { sessionId, recordingIds } = await prepareTranscription([{ speaker: 'Dee', path: speechFile('dead-state', ['Nobody will hear this.']) }]);
		const enqueued: string[] = [];
		const ctx4: TranscriptionContext = {
			db: ctx.db,
			livekit: ctx.livekit,
			jobs: { enqueue: async (name) => void enqueued.push(name) },
			whisper: createWhisperClient({ url: 'http://127.0.0.1:9', flavour: 'asr', model: 'base', timeoutMs: 5000 })
		};
		await expect(transcribeTrack(ctx4, recordingIds[0]!, { retryCount: 3, lastAttempt: false })).rejects.toThrow();
		const waiting = await ctx.db.selectFrom('meeting_sessions').select(['transcript_status', 'transcript_detail']).where('id', '=', sessionId).executeTakeFirstOrThrow();
		expect(waiting).toEqual({ transcript_status: 'waiting', transcript_detail: 'Waiting for the transcription service…' });

		await transcribeTrack(ctx4, recordingIds[0]!, { retryCount: 40, lastAttempt: true });
		const part = await ctx.db.selectFrom('transcript_parts').selectAll().where('recording_id', '=', recordingIds[0]!).executeTakeFirstOrThrow();
		expect(part.status).toBe('failed');
		expect(part.error).toMatch(/^Transcription gave up after 41 attempts: /);
		// Participants read what happened, never the service's internal address.
		expect(part.error).not.toMatch(/127\.0\.0\.1|http:/);
		expect(enqueued).toEqual(['transcript.merge']);
	});
});

describe('webhooks', () => {
	it('rejects a forged signature and applies a replayed event only once', async () => {
		const url = app.url;
		const body = JSON.stringify({ event: 'room_started', id: `EV_${Date.now()}`, room: { name: 'zzz-zzzz-zzz' }, createdAt: `${Math.floor(Date.now() / 1000)}` });
		const sign = async (secret: string) => {
			const token = new AccessToken(ctx.config.LIVEKIT_API_KEY, secret);
			token.sha256 = createHash('sha256').update(body).digest('base64');
			return token.toJwt();
		};
		const post = async (authorization: string, payload = body) =>
			fetch(`${url}/api/livekit/webhook`, { method: 'POST', headers: { authorization, 'content-type': 'application/webhook+json' }, body: payload });

		expect((await post(await sign('not-the-secret-not-the-secret-not-the-secret'))).status).toBe(401);
		expect((await post(await sign(ctx.config.LIVEKIT_API_SECRET), body.replace('zzz', 'yyy'))).status).toBe(401);
		const first = await post(await sign(ctx.config.LIVEKIT_API_SECRET));
		expect(first.status).toBe(200);
		expect(await first.json()).toEqual({ outcome: 'ignored' });
		const replay = await post(await sign(ctx.config.LIVEKIT_API_SECRET));
		expect(await replay.json()).toEqual({ outcome: 'duplicate' });
	});
});
