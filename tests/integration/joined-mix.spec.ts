import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSession } from '../../src/lib/server/meetings/session.repository';
import { joinSessionMix } from '../../src/lib/server/pipeline/join-mix.job';
import { insertCompositeRecording, insertRun, sessionRecordings, setRunStatus, updateRecording } from '../../src/lib/server/recordings/recording.repository';
import { meetingRecord } from '../../src/lib/server/records/meeting-record.service';
import { createRoom } from '../../src/lib/server/rooms/room.service';
import { pipelineOf, testContext } from './support';

const ctx = testContext();
const pipeline = pipelineOf(ctx, { enqueue: async () => undefined });
afterAll(() => ctx.close());

/** A room mix as Egress writes it: `seconds` of a tone (stereo Opus in OGG). */
function mixFile(path: string, hz: number, seconds: number): string {
	mkdirSync(join(path, '..'), { recursive: true });
	execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=${hz}:duration=${seconds}`, '-ac', '2', '-ar', '48000', '-c:a', 'libopus', path]);
	return path;
}

/** Loudness (max |sample|) of each second of a file. */
function loudnessBySecond(path: string): number[] {
	const pcm = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 's16le', '-ac', '1', '-ar', '8000', 'pipe:1'], { maxBuffer: 64 << 20 });
	const samples = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength >> 1);
	const seconds: number[] = [];
	for (let i = 0; i < samples.length; i += 8000) seconds.push(Math.max(...Array.from(samples.subarray(i, i + 8000), Math.abs)));
	return seconds;
}

async function recordedSession() {
	const created = await createRoom(ctx);
	if (!created.ok) throw new Error(created.reason);
	const session = await openSession(ctx.db, created.room.id);
	const run = (await insertRun(ctx.db, { session_id: session.id, room_id: created.room.id }))!;
	await setRunStatus(ctx.db, run.id, 'done', 'recording');
	const dir = join(pipeline.recordingsPath, session.id, run.id);
	const t0 = Date.now() - 120_000;
	async function mix(file: string, segment: number, startS: number, endS: number) {
		const r = await insertCompositeRecording(ctx.db, { run_id: run.id, file_path: join(dir, file), segment });
		await updateRecording(ctx.db, r.id, { status: 'complete', started_at: new Date(t0 + startS * 1000), ended_at: new Date(t0 + endS * 1000) });
		return r;
	}
	return { session, dir, mix };
}

describe("a session's room mix in several files", () => {
	it('is joined on the transcript clock, silence between, and that file is what the record plays', async () => {
		const { session, dir, mix } = await recordedSession();
		// The recorder of the mix died at 3 s; the mix went on as segment 2 from 6 s.
		mixFile(join(dir, 'room.ogg'), 440, 3);
		mixFile(join(dir, 'room.s2.ogg'), 880, 3);
		const first = await mix('room.ogg', 1, 0, 3);
		await mix('room.s2.ogg', 2, 6, 9);
		expect((await meetingRecord(ctx.db, session)).playback?.recordingId).toBe(first.id);

		await joinSessionMix(pipeline, session.id);
		const joined = (await sessionRecordings(ctx.db, session.id)).find((r) => r.segment === 0)!;
		expect(joined).toMatchObject({ kind: 'composite', status: 'complete' });
		expect((await meetingRecord(ctx.db, session)).playback?.recordingId).toBe(joined.id);
		const loud = loudnessBySecond(joined.file_path);
		expect(loud.length).toBeGreaterThanOrEqual(9);
		expect(loud.slice(0, 3).every((l) => l > 1000)).toBe(true); // the first segment
		expect(loud.slice(4, 5).every((l) => l < 100)).toBe(true); // nothing recorded: silence (its edges carry the codec's ramps)
		expect(loud.slice(6, 9).every((l) => l > 1000)).toBe(true); // the second segment, at its time

		// Joined again (a retry): still one joined mix.
		await joinSessionMix(pipeline, session.id);
		expect((await sessionRecordings(ctx.db, session.id)).filter((r) => r.segment === 0)).toHaveLength(1);
	});

	it('leaves out a file the killed recorder left undecodable, keeping the rest', async () => {
		const { session, dir, mix } = await recordedSession();
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'room.ogg'), Buffer.concat([Buffer.from('OggS'), Buffer.alloc(5000, 7)]));
		mixFile(join(dir, 'room.s2.ogg'), 880, 2);
		await mix('room.ogg', 1, 0, 3);
		await mix('room.s2.ogg', 2, 4, 6);

		await joinSessionMix(pipeline, session.id);
		const joined = (await sessionRecordings(ctx.db, session.id)).find((r) => r.segment === 0)!;
		expect((await meetingRecord(ctx.db, session)).playback?.recordingId).toBe(joined.id);
		const loud = loudnessBySecond(joined.file_path);
		expect(loud.slice(0, 3).every((l) => l < 100)).toBe(true);
		expect(loud.slice(4, 6).every((l) => l > 1000)).toBe(true);
	});

	it('a single mix is played as it is', async () => {
		const { session, dir, mix } = await recordedSession();
		mixFile(join(dir, 'room.ogg'), 440, 2);
		const only = await mix('room.ogg', 1, 0, 2);
		await joinSessionMix(pipeline, session.id);
		expect((await sessionRecordings(ctx.db, session.id)).filter((r) => r.segment === 0)).toHaveLength(0);
		expect((await meetingRecord(ctx.db, session)).playback?.recordingId).toBe(only.id);
	});
});
