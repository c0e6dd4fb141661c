import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PgBoss } from 'pg-boss';
import type { Db } from '../../src/lib/server/db';
import type { MeetingSession, RunStatus } from '../../src/lib/server/db/schema';
import { env } from '../../src/lib/server/env';
import { LIVE_IMPROVING } from '../../src/lib/server/meetings/record-stage';
import { speechWav } from './speech';

/** An OGG/Opus file of espeak-ng saying the sentences, where recordings live. */
export function speechFile(name: string, sentences: string[]): string {
	const dir = join(env().RECORDINGS_STORAGE_PATH, 'pipeline-tests');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `${name}.ogg`);
	execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-i', speechWav(sentences, 800), '-c:a', 'libopus', file]);
	return file;
}

/**
 * A meeting whose recordings are done, as Egress would leave them: a run in `status`, one
 * complete track recording per file and (unless the run is still stopping) a pending
 * transcript part per track.
 */
export async function recordedMeeting(db: Db, roomId: string, files: { speaker: string; path: string }[], status: RunStatus = 'processing') {
	const session = await db.insertInto('meeting_sessions').values({ room_id: roomId }).returningAll().executeTakeFirstOrThrow();
	const run = await db.insertInto('recording_runs').values({ session_id: session.id, room_id: roomId, status }).returningAll().executeTakeFirstOrThrow();
	const recordingIds: string[] = [];
	for (const [i, file] of files.entries()) {
		const recording = await db
			.insertInto('recordings')
			.values({ run_id: run.id, kind: 'track', participant_identity: `p_test${i}`, speaker_name: file.speaker, track_sid: `TR_${i}`, file_path: file.path, status: 'complete', started_at: new Date() })
			.returningAll()
			.executeTakeFirstOrThrow();
		if (status === 'processing') await db.insertInto('transcript_parts').values({ recording_id: recording.id, updated_at: new Date() }).execute();
		recordingIds.push(recording.id);
	}
	return { sessionId: session.id, runId: run.id, recordingIds };
}

/** Sends jobs as any process would (the queue policies apply). */
export async function sendJobs(jobs: { name: string; data: object; key?: string }[]): Promise<void> {
	const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: 'pgboss', supervise: false, schedule: false });
	await boss.start();
	try {
		await Promise.all(jobs.map((job) => boss.send(job.name, job.data, job.key ? { singletonKey: job.key } : {})));
	} finally {
		await boss.stop({ graceful: false });
	}
}

/**
 * Waits for the offline pass over the recordings to settle. A meeting the live transcriber
 * kept is `ready` with its live transcript first (note LIVE_IMPROVING) while the offline pass
 * works: that is not the end of it.
 */
export async function waitForTranscript(db: Db, sessionId: string, timeoutMs: number): Promise<MeetingSession> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const session = await db.selectFrom('meeting_sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
		const offlineDone = session.transcript_status === 'failed' || (session.transcript_status === 'ready' && session.transcript_detail !== LIVE_IMPROVING);
		if (offlineDone) return session;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`transcript of ${sessionId} not ready within ${timeoutMs} ms`);
}
