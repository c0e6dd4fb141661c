import { PgBoss } from 'pg-boss';
import type { RecordingContext } from '../recordings/recording-context';
import { finalizeRecording } from './finalize-recording.job';
import { mergeTranscript } from './merge-transcript.job';
import { pgBossQueue, QUEUES, type JobName, type JobPayloads, type JobQueue } from './queue';
import { reconcileRecordings } from './reconcile-recordings.job';
import { transcribeTrack } from './transcribe-track.job';

const RECONCILE_EVERY_MS = 15_000;

/** Which attempt this is, so a handler can settle a job itself on its last try. */
export interface Attempt {
	retryCount: number;
	lastAttempt: boolean;
}

type Handlers = { [N in JobName]: (ctx: RecordingContext, data: JobPayloads[N], attempt: Attempt) => Promise<void> };

const HANDLERS: Handlers = {
	'recording.finalize': (ctx, { runId }) => finalizeRecording(ctx, runId),
	'transcript.track': (ctx, { recordingId }, attempt) => transcribeTrack(ctx, recordingId, attempt),
	'transcript.merge': (ctx, { sessionId }) => mergeTranscript(ctx, sessionId),
	'recording.reconcile': (ctx) => reconcileRecordings(ctx)
};

export interface JobRunner {
	queue: JobQueue;
	stop(): Promise<void>;
}

/**
 * Starts pg-boss on the app's database and works every queue. Several app processes can
 * run it at once: pg-boss hands each job to one worker (SKIP LOCKED).
 */
export async function startJobRunner(connectionString: string, makeContext: (queue: JobQueue) => RecordingContext): Promise<JobRunner> {
	const boss = new PgBoss({ connectionString, schema: 'pgboss', monitorIntervalSeconds: 5, superviseIntervalSeconds: 5 });
	boss.on('error', (err) => console.error('job runner:', err));
	await boss.start();
	const queue = pgBossQueue(boss);
	const ctx = makeContext(queue);

	for (const name of Object.keys(QUEUES) as JobName[]) {
		const { heartbeatSeconds, ...policy } = QUEUES[name];
		await boss.createQueue(name, { ...policy, retryBackoff: true, ...(heartbeatSeconds ? { heartbeatSeconds } : {}) }).catch(() => undefined);
		await boss.updateQueue(name, { ...policy, retryBackoff: true, ...(heartbeatSeconds ? { heartbeatSeconds } : {}) });
		const handler = HANDLERS[name] as (ctx: RecordingContext, data: unknown, attempt: Attempt) => Promise<void>;
		await boss.work(name, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
			if (job) await handler(ctx, job.data, { retryCount: job.retryCount, lastAttempt: job.retryCount >= policy.retryLimit });
		});
	}

	const timer = setInterval(() => {
		// singletonKey + throttling: one reconciliation at a time across every app process.
		void boss.send('recording.reconcile', {}, { singletonKey: 'reconcile', singletonSeconds: 10 }).catch(() => undefined);
	}, RECONCILE_EVERY_MS);

	return {
		queue,
		async stop() {
			clearInterval(timer);
			await boss.stop({ graceful: true, timeout: 5000 });
		}
	};
}
