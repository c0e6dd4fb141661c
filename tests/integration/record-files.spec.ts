import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRun } from '../../src/lib/server/recordings/recording.repository';
import { stopWhenDiskLow } from '../../src/lib/server/recordings/recording.service';
import { applyRetention } from '../../src/lib/server/records/record-deletion.service';
import { AppProcess, createRoomAsHost, postJson, setRecordingAs } from '../support/app-process';
import { SpeechBot } from '../support/speech-bot';
import { readPcm16, speechWav } from '../support/speech';
import { publishVideo } from '../support/video-bot';
import { appWithBots, pipelineOf } from './support';

const { ctx, app, bots } = appWithBots(3210);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

const recordingsOf = (sessionId: string) =>
	ctx.db
		.selectFrom('recordings')
		.innerJoin('recording_runs', 'recording_runs.id', 'recordings.run_id')
		.select(['recordings.kind', 'recordings.source', 'recordings.status', 'recordings.file_path', 'recordings.mime_type', 'recordings.started_at', 'recordings.ended_at'])
		.where('recording_runs.session_id', '=', sessionId)
		.execute();

/** A real recorded meeting: a speaking bot with its camera on, recorded for a few seconds through Egress. */
async function recordedMeeting(seconds: number) {
	const { code, cookie } = await createRoomAsHost(app.url);
	const bot = await SpeechBot.join(app.url, code, 'Vera Video');
	bots.push(bot);
	const camera = await publishVideo(bot.room, 'camera');
	const { sessionId } = await setRecordingAs(app.url, code, cookie, 'start');
	// The native egress needs a moment to start writing each track.
	await until(() => recordingsOf(sessionId), (rs) => rs.filter((r) => r.status === 'active').length >= 3, 60_000, 'egresses active');
	const started = Date.now();
	await bot.speak(readPcm16(speechWav(['This meeting is recorded with its camera.'])));
	await new Promise((r) => setTimeout(r, Math.max(0, seconds * 1000 - (Date.now() - started))));
	await setRecordingAs(app.url, code, cookie, 'stop');
	await camera.stop();
	await until(() => recordingsOf(sessionId), (rs) => rs.every((r) => r.status === 'complete' || r.status === 'failed'), 60_000, 'egresses ended');
	// The app's own job runner hands the run to transcription once its last egress ended.
	const ended = Date.now();
	await until(() => runStatusOf(sessionId), (s) => s !== 'recording' && s !== 'stopping', 60_000, 'run finalized');
	return { code, cookie, sessionId, finalizedAfterMs: Date.now() - ended };
}

const runStatusOf = async (sessionId: string) =>
	(await ctx.db.selectFrom('recording_runs').select('status').where('session_id', '=', sessionId).executeTakeFirstOrThrow()).status;

function probe(file: string) {
	return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name:format=duration', '-of', 'json', file], { encoding: 'utf8' })) as {
		streams: { codec_type: string; codec_name: string }[];
		format: { duration: string };
	};
}

describe('video in the record', () => {
	let meeting: Awaited<ReturnType<typeof recordedMeeting>>;
	beforeAll(async () => {
		meeting = await recordedMeeting(8);
	}, 180_000);

	it('goes to transcription within three seconds of its last recorder ending (the finalize does not back off)', () => {
		// The finalize job retries every second while the egresses write; with an exponential
		// backoff it slept up to 30 s after the last one ended (the webhook's finalize is dropped
		// while one waits), and the record was that much later.
		console.log(`finalized ${meeting.finalizedAfterMs} ms after the last egress ended`);
		expect(meeting.finalizedAfterMs).toBeLessThanOrEqual(3_000);
	});

	it('records the camera as its own video file, as published, beside the microphone and the mix', async () => {
		const recordings = await recordingsOf(meeting.sessionId);
		const camera = recordings.find((r) => r.source === 'camera')!;
		expect(recordings.map((r) => [r.kind, r.source, r.status]).sort()).toEqual([
			['composite', 'mix', 'complete'],
			['track', 'microphone', 'complete'],
			['video', 'camera', 'complete']
		]);
		expect(camera.mime_type).toMatch(/^video\//i);
		const info = probe(camera.file_path);
		expect(info.streams.map((s) => s.codec_type)).toEqual(['video']);
		expect(info.streams[0]!.codec_name).toBe(camera.mime_type!.toLowerCase().includes('h264') ? 'h264' : 'vp8');
	});

	it('exports one MP4 as long as the meeting, with video and audio', async () => {
		const requested = await postJson(app.url, `/api/rooms/${meeting.code}/meetings/${meeting.sessionId}/export`, {}, { cookie: meeting.cookie });
		expect(requested.status).toBe(200);
		const done = await until(
			() => ctx.db.selectFrom('recording_exports').selectAll().where('session_id', '=', meeting.sessionId).executeTakeFirstOrThrow(),
			(e) => e.status === 'ready' || e.status === 'failed',
			120_000,
			'export'
		);
		expect(done).toMatchObject({ status: 'ready', progress: 1 });
		const mix = (await recordingsOf(meeting.sessionId)).find((r) => r.kind === 'composite')!;
		const exported = probe(done.file_path!);
		expect(exported.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);
		const mixSeconds = Number(probe(mix.file_path).format.duration);
		// The mix's span on the clock the transcript and the stage use is its file's own length
		// (the media's first to last sample, not the recorder's start-up before it).
		const clockSeconds = (mix.ended_at!.getTime() - mix.started_at!.getTime()) / 1000;
		console.log(`mix: file ${mixSeconds.toFixed(3)} s, clock ${clockSeconds.toFixed(3)} s; export ${Number(exported.format.duration).toFixed(3)} s`);
		expect(Math.abs(clockSeconds - mixSeconds)).toBeLessThanOrEqual(0.3);
		expect(Math.abs(Number(exported.format.duration) - mixSeconds)).toBeLessThanOrEqual(1);
		// Asking again answers the same export.
		expect(await (await postJson(app.url, `/api/rooms/${meeting.code}/meetings/${meeting.sessionId}/export`, {}, { cookie: meeting.cookie })).json()).toEqual({ status: 'ready', progress: 1 });
		const download = await fetch(`${app.url}/${meeting.code}/meetings/${meeting.sessionId}/video.mp4`, { headers: { cookie: meeting.cookie, range: 'bytes=0-9' } });
		expect(download.status).toBe(206);
	}, 150_000);

	it('the host deletes it: every file and row goes, the meeting stays; a second delete is a clean 404', async () => {
		const files = [...(await recordingsOf(meeting.sessionId)).map((r) => r.file_path)];
		const exportFile = (await ctx.db.selectFrom('recording_exports').select('file_path').where('session_id', '=', meeting.sessionId).executeTakeFirst())?.file_path;
		if (exportFile) files.push(exportFile);
		expect(files.every((f) => existsSync(f))).toBe(true);

		const del = (cookie: string) => fetch(`${app.url}/api/rooms/${meeting.code}/meetings/${meeting.sessionId}/recording`, { method: 'DELETE', headers: { origin: app.url, cookie, 'content-type': 'application/json' }, body: '{}' });
		expect((await del('')).status).toBe(403);
		const deleted = await del(meeting.cookie);
		expect(deleted.status).toBe(200);
		expect(files.filter((f) => existsSync(f))).toEqual([]);
		expect(await recordingsOf(meeting.sessionId)).toEqual([]);
		for (const table of ['recording_runs', 'recording_exports', 'meeting_insights'] as const) {
			expect(await ctx.db.selectFrom(table).select('session_id').where('session_id', '=', meeting.sessionId).execute(), table).toEqual([]);
		}
		const session = await ctx.db.selectFrom('meeting_sessions').selectAll().where('id', '=', meeting.sessionId).executeTakeFirstOrThrow();
		expect(session).toMatchObject({ transcript: [], transcript_status: 'none', insights_status: 'none' });
		const again = await del(meeting.cookie);
		expect(again.status).toBe(404);
		expect((await again.json()).message).toMatch(/no recording/);
	});
});

describe('storage limits', () => {
	it('retention deletes recordings of meetings older than the setting, and nothing newer', async () => {
		const old = await recordedMeeting(3);
		const recent = await recordedMeeting(3);
		// Forty days ago (started_at is never updated by the app: set it in SQL).
		await sql`UPDATE meeting_sessions SET started_at = now() - interval '40 days', ended_at = now() - interval '40 days' WHERE id = ${old.sessionId}`.execute(ctx.db);
		await ctx.db.updateTable('meeting_sessions').set({ ended_at: new Date() }).where('id', '=', recent.sessionId).execute();
		const oldFiles = (await recordingsOf(old.sessionId)).map((r) => r.file_path);
		const pipeline = pipelineOf(ctx, { enqueue: async () => undefined });
		expect(await applyRetention(pipeline, 0)).toBe(0);
		expect(await applyRetention(pipeline, 30)).toBeGreaterThanOrEqual(1);
		expect(await recordingsOf(old.sessionId)).toEqual([]);
		expect(oldFiles.filter((f) => existsSync(f))).toEqual([]);
		expect((await recordingsOf(recent.sessionId)).length).toBe(3);
	}, 240_000);

	it('refuses to start, and stops a live recording keeping what it wrote, when the disk is almost full', async () => {
		const { code, cookie } = await createRoomAsHost(app.url);
		const bot = await SpeechBot.join(app.url, code, 'Dora Disk');
		bots.push(bot);
		const { sessionId } = await setRecordingAs(app.url, code, cookie, 'start');
		await until(() => recordingsOf(sessionId), (rs) => rs.filter((r) => r.status === 'active').length >= 2, 60_000, 'egresses active');
		await bot.speak(readPcm16(speechWav(['Still here while the disk fills up.'])));

		// The same recorder, told that no space is enough: as if the disk were almost full.
		const full = { ...pipelineOf(ctx, { enqueue: async () => undefined }), minFreeBytes: Number.MAX_SAFE_INTEGER };
		expect(await stopWhenDiskLow(full)).toBe(true);
		const run = await ctx.db.selectFrom('recording_runs').selectAll().where('session_id', '=', sessionId).executeTakeFirstOrThrow();
		expect(await findRun(ctx.db, run.id)).toMatchObject({ status: 'stopping', stop_reason: 'disk_full' });
		const ended = await until(() => recordingsOf(sessionId), (rs) => rs.every((r) => r.status !== 'active' && r.status !== 'starting'), 60_000, 'egresses ended');
		expect(ended.filter((r) => r.status === 'complete').length).toBe(2);
		expect(ended.every((r) => existsSync(r.file_path))).toBe(true);

		const strict = new AppProcess(3211, { RECORDINGS_MIN_FREE_MB: String(1024 * 1024 * 1024) });
		await strict.start();
		try {
			const refused = await postJson(strict.url, `/api/rooms/${code}/recording`, { action: 'start' }, { cookie });
			expect(refused.status).toBe(507);
			expect((await refused.json()).message).toMatch(/disk is almost full/);
		} finally {
			await strict.stop();
		}
	}, 120_000);
});
