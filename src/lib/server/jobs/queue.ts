import { PgBoss } from 'pg-boss';

/** Job names and their payloads. */
export interface JobPayloads {
	'recording.finalize': { runId: string };
	'transcript.track': { recordingId: string };
	'transcript.merge': { sessionId: string };
	'recording.reconcile': Record<string, never>;
}
export type JobName = keyof JobPayloads;

/** What services use to hand work to the runner (pg-boss underneath). */
export interface JobQueue {
	enqueue<N extends JobName>(name: N, data: JobPayloads[N], options?: { key?: string; delaySeconds?: number }): Promise<void>;
}

/**
 * Queue policy. Leases are heartbeats: a worker that dies (kill -9) stops beating and its
 * job is retried after `heartbeatSeconds`; retries back off exponentially; a job that
 * exhausts its retries is left failed (the dead state) with its error in pg-boss's table.
 */
export const QUEUES: Record<JobName, { retryLimit: number; retryDelay: number; retryDelayMax: number; heartbeatSeconds?: number; expireInSeconds: number }> = {
	'recording.finalize': { retryLimit: 30, retryDelay: 2, retryDelayMax: 30, expireInSeconds: 120 },
	// Whisper may be down for a while: keep retrying for about an hour before giving up.
	'transcript.track': { retryLimit: 40, retryDelay: 5, retryDelayMax: 120, heartbeatSeconds: 20, expireInSeconds: 3600 },
	'transcript.merge': { retryLimit: 10, retryDelay: 2, retryDelayMax: 30, expireInSeconds: 120 },
	'recording.reconcile': { retryLimit: 0, retryDelay: 0, retryDelayMax: 0, expireInSeconds: 120 }
};

export function pgBossQueue(boss: PgBoss): JobQueue {
	return {
		async enqueue(name, data, options = {}) {
			await boss.send(name, data, {
				...(options.key ? { singletonKey: options.key } : {}),
				...(options.delaySeconds ? { startAfter: options.delaySeconds } : {})
			});
		}
	};
}
