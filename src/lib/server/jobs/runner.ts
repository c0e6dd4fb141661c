import { PgBoss } from 'pg-boss';
import { pgBossQueue, QUEUES, type JobName, type JobPayloads, type JobQueue } from './queue';

const RECONCILE_EVERY_MS = 15_000;

/** Which attempt this is, so a handler can settle a job itself on its last try. */
export interface Attempt {
	retryCount: number;
	lastAttempt: boolean;
}

export type JobHandlers = { [N in JobName]: (data: JobPayloads[N], attempt: Attempt) => Promise<void> };

export interface JobRunner {
	queue: JobQueue;
	stop(): Promise<void>;
}

/**
 * Starts pg-boss on the app's database and works every queue with the given handlers.
 * Several app processes can run it at once: pg-boss hands each job to one worker (SKIP
 * LOCKED) and the queue policies keep one job per key. A reconciliation is queued every 15 s
 * (the `exclusive` policy keeps it to one across processes).
 */
export async function startJobRunner(connectionString: string, handlers: (queue: JobQueue) => JobHandlers): Promise<JobRunner> {
	const boss = new PgBoss({ connectionString, schema: 'pgboss', monitorIntervalSeconds: 5, superviseIntervalSeconds: 5 });
	// pg-boss keeps its own pool; a PostgreSQL restart surfaces here and it reconnects by itself.
	boss.on('error', (err) => console.error('job runner:', err.message));
	await boss.start();
	const queue = pgBossQueue(boss);
	const work = handlers(queue);

	for (const name of Object.keys(QUEUES) as JobName[]) {
		await ensureQueue(boss, name);
		const handler = work[name] as (data: unknown, attempt: Attempt) => Promise<void>;
		const { retryLimit = 0 } = QUEUES[name];
		await boss.work(name, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
			if (job) await handler(job.data, { retryCount: job.retryCount, lastAttempt: job.retryCount >= retryLimit });
		});
	}

	const timer = setInterval(() => void queue.enqueue('pipeline.reconcile', {}).catch(() => undefined), RECONCILE_EVERY_MS);

	return {
		queue,
		async stop() {
			clearInterval(timer);
			await boss.stop({ graceful: true, timeout: 5000 });
		}
	};
}

/**
 * Creates the queue with its policy. A queue's policy cannot change after creation: a queue
 * made with another one (an older version of Stoom) is replaced; the reconciliation poll
 * re-queues whatever work its dropped jobs stood for.
 */
async function ensureQueue(boss: PgBoss, name: JobName): Promise<void> {
	const { policy, heartbeatSeconds, ...options } = QUEUES[name];
	const existing = await boss.getQueue(name);
	if (existing && existing.policy !== policy) {
		console.warn(`job runner: queue ${name} has policy ${existing.policy}, replacing it with ${policy}`);
		await boss.deleteQueue(name);
	}
	if (!existing || existing.policy !== policy) {
		await boss.createQueue(name, { policy, heartbeatSeconds, ...options }).catch((err: Error) => {
			// Another app process created it at the same moment.
			if (!/exist/i.test(err.message)) throw err;
		});
	}
	await boss.updateQueue(name, { ...options, heartbeatSeconds });
}
