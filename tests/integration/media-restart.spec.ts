import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebhookEvent } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { claimLivekitRoom, findOpenSession, openSession } from '../../src/lib/server/meetings/session.repository';
import { runMediaRestarts } from '../../src/lib/server/recordings/media-restart.repository';
import { settleMediaRestarts } from '../../src/lib/server/recordings/media-restart.service';
import { claimTrackRecording, insertRun, runRecordings, setRunStatus, updateRecording } from '../../src/lib/server/recordings/recording.repository';
import { meetingRecord } from '../../src/lib/server/records/meeting-record.service';
import { createRoom } from '../../src/lib/server/rooms/room.service';
import { applyWebhook } from '../../src/lib/server/webhooks/webhook.service';
import { pipelineOf, testContext } from './support';

const ctx = testContext();
const pipeline = pipelineOf(ctx, { enqueue: async () => undefined });
afterAll(() => ctx.close());
const dir = mkdtempSync(join(tmpdir(), 'stoom-restart-'));

/** An Opus/OGG file as Egress writes one: `tone` seconds of sound, then `silence` seconds of digital zeros. */
function micFile(name: string, tone: number, silence: number): string {
	const path = join(dir, name);
	const filter = `sine=frequency=440:duration=${tone}[a];anullsrc=r=48000:cl=mono,atrim=duration=${silence}[b];[a][b]concat=n=2:v=0:a=1`;
	execFileSync('ffmpeg', ['-v', 'error', '-y', '-filter_complex', filter, '-ac', '1', '-ar', '48000', '-c:a', 'libopus', path]);
	return path;
}

function roomStarted(code: string, sid: string, atMs: number, id = `EV_${Math.random().toString(36).slice(2)}`) {
	return WebhookEvent.fromJson({ event: 'room_started', id, room: { name: code, sid }, createdAt: String(Math.floor(atMs / 1000)) });
}

async function recordedMeeting() {
	const created = await createRoom(ctx);
	if (!created.ok) throw new Error(created.reason);
	const { room } = created;
	const session = await openSession(ctx.db, room.id);
	await claimLivekitRoom(ctx.db, session.id, `RM_${room.code.replaceAll('-', '')}`);
	const run = (await insertRun(ctx.db, { session_id: session.id, room_id: room.id }))!;
	return { room, session: (await findOpenSession(ctx.db, room.id))!, run };
}

async function mic(runId: string, speaker: string, sid: string, file: string, startMs: number, endMs: number) {
	const r = (await claimTrackRecording(ctx.db, {
		run_id: runId, kind: 'track', source: 'microphone', mime_type: 'audio/opus', participant_identity: speaker, speaker_name: speaker, track_sid: sid, file_path: file
	}))!;
	await updateRecording(ctx.db, r.id, { status: 'complete', started_at: new Date(startMs), ended_at: new Date(endMs) });
}

describe("a recording across its media node's death", () => {
	it('notes the room re-created on another node only for the live recording of that LiveKit room', async () => {
		const { room, session, run } = await recordedMeeting();
		const now = Date.now();
		expect(await applyWebhook(pipeline, roomStarted(room.code, 'RM_someOtherRoom', now))).toBe('ignored');
		expect(await applyWebhook(pipeline, roomStarted(room.code, session.livekit_room_sid!, now))).toBe('handled');
		expect((await runMediaRestarts(ctx.db, run.id)).map((r) => r.restarted_at.getTime())).toEqual([Math.floor(now / 1000) * 1000]);
		await setRunStatus(ctx.db, run.id, 'stopping', 'recording');
		expect(await applyWebhook(pipeline, roomStarted(room.code, session.livekit_room_sid!, now + 5000))).toBe('ignored');
		expect(await runMediaRestarts(ctx.db, run.id)).toHaveLength(1);
	});

	it('marks the audio lost, from the last sound before the restart to the first recording again, with why', async () => {
		const { room, session, run } = await recordedMeeting();
		const t0 = Math.floor(Date.now() / 1000) * 1000 - 60_000; // webhooks carry whole seconds
		// Ann spoke for 4 s, Bob for 2.5 s, then the node died: their recorders wrote silence until
		// they republished on the other node (the room restarted at 10 s, recording again at 12 s).
		await mic(run.id, 'Ann', 'TR_ann1', micFile('ann1.ogg', 4, 9), t0, t0 + 13_000);
		await mic(run.id, 'Bob', 'TR_bob1', micFile('bob1.ogg', 2.5, 10), t0 + 500, t0 + 13_000);
		await mic(run.id, 'Ann', 'TR_ann2', micFile('ann2.ogg', 3, 1), t0 + 12_000, t0 + 16_000);
		await mic(run.id, 'Bob', 'TR_bob2', micFile('bob2.ogg', 1, 3), t0 + 12_500, t0 + 16_500);
		expect(await applyWebhook(pipeline, roomStarted(room.code, session.livekit_room_sid!, t0 + 10_000))).toBe('handled');

		await settleMediaRestarts(ctx.db, run.id, await runRecordings(ctx.db, run.id));
		const [restart] = await runMediaRestarts(ctx.db, run.id);
		expect(restart.gap_start!.getTime() - t0).toBeGreaterThan(3_900);
		expect(restart.gap_start!.getTime() - t0).toBeLessThan(4_100);
		expect(restart.gap_end!.getTime() - t0).toBe(12_000);

		const record = await meetingRecord(ctx.db, session);
		expect(record.gaps).toHaveLength(1);
		expect(record.gaps[0]).toMatchObject({ reason: 'failover' });
		expect(record.gaps[0].startAt).toBeCloseTo(4, 0);
		expect(record.gaps[0].endAt).toBeCloseTo(12, 1);
	});

	it('an unreadable recording does not stop the gap from being marked (from the restart)', async () => {
		const { room, session, run } = await recordedMeeting();
		const t0 = Math.floor(Date.now() / 1000) * 1000 - 60_000; // webhooks carry whole seconds
		await mic(run.id, 'Cy', 'TR_cy1', join(dir, 'missing.ogg'), t0, t0 + 13_000);
		await mic(run.id, 'Cy', 'TR_cy2', micFile('cy2.ogg', 2, 1), t0 + 16_000, t0 + 19_000);
		await applyWebhook(pipeline, roomStarted(room.code, session.livekit_room_sid!, t0 + 10_000));
		await settleMediaRestarts(ctx.db, run.id, await runRecordings(ctx.db, run.id));
		const [restart] = await runMediaRestarts(ctx.db, run.id);
		expect([restart.gap_start!.getTime() - t0, restart.gap_end!.getTime() - t0]).toEqual([10_000, 16_000]);
	});
});
