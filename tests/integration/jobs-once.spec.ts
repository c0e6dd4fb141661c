import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess, createRoomAsHost } from '../support/app-process';
import { recordedMeeting, sendJobs, speechFile, waitForTranscript } from '../support/pipeline-fixtures';
import { wordErrorRate } from '../support/wer';
import { testContext } from './support';

const ctx = testContext();
// Two app processes, each with its own job runner, on the same database: as a deployment with two app servers.
const apps = [new AppProcess(3206), new AppProcess(3207)];
beforeAll(() => Promise.all(apps.map((a) => a.start())), 60_000);
afterAll(async () => {
	await Promise.all(apps.map((a) => a.stop()));
	await ctx.close();
});

async function jobCount(name: string, key: string): Promise<number> {
	const row = await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job WHERE name = ${name} AND singleton_key = ${key}`.execute(ctx.db);
	return Number(row.rows[0]!.n);
}

describe('jobs run once across two app processes', () => {
	it('a stopped run is finalized once, and each speaker is sent to Whisper once, however many times the jobs are asked for', async () => {
		const { code } = await createRoomAsHost(apps[0]!.url);
		const room = await ctx.db.selectFrom('rooms').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
		const lines = ['The first speaker opens the review.', 'The second speaker agrees with the plan.', 'The third speaker asks about the budget.'];
		const files = lines.map((line, i) => ({ speaker: `Speaker ${i + 1}`, path: speechFile(`once-${i}`, [line]) }));
		const { sessionId, runId, recordingIds } = await recordedMeeting(ctx.db, room.id, files, 'stopping');

		// The stop, each egress_ended webhook and the reconcile poll all ask for a finalize; both processes work the queue.
		await sendJobs(Array.from({ length: 6 }, () => ({ name: 'recording.finalize', data: { runId }, key: runId })));
		const done = await waitForTranscript(ctx.db, sessionId, 150_000);
		expect(done.transcript_status).toBe('ready');

		const parts = await ctx.db.selectFrom('transcript_parts').select(['recording_id', 'attempts', 'status']).where('recording_id', 'in', recordingIds).execute();
		expect(parts.map((p) => [p.status, p.attempts])).toEqual(recordingIds.map(() => ['done', 1]));
		const segmentIds = done.transcript.map((l) => l.segmentId);
		expect(new Set(segmentIds).size).toBe(segmentIds.length);
		for (const [i, line] of lines.entries()) {
			const said = done.transcript.filter((l) => l.speaker === `Speaker ${i + 1}`).map((l) => l.text).join(' ');
			expect(wordErrorRate(line, said), said).toBeLessThanOrEqual(0.3);
		}

		// A stale finalize and late duplicates of the tracks' jobs change nothing.
		const before = await Promise.all(recordingIds.map((id) => jobCount('transcript.track', id)));
		expect(before).toEqual(recordingIds.map(() => 1));
		await sendJobs([
			{ name: 'recording.finalize', data: { runId }, key: runId },
			...recordingIds.map((id) => ({ name: 'transcript.track', data: { recordingId: id }, key: id }))
		]);
		await new Promise((r) => setTimeout(r, 4_000));
		const after = await ctx.db.selectFrom('transcript_parts').select('attempts').where('recording_id', 'in', recordingIds).execute();
		expect(after.map((p) => p.attempts)).toEqual(recordingIds.map(() => 1));
		expect((await ctx.db.selectFrom('meeting_sessions').select('transcript').where('id', '=', sessionId).executeTakeFirstOrThrow()).transcript).toEqual(done.transcript);
	}, 200_000);
});
