import type { PgBoss, Queue } from 'pg-boss';

/** Job names and their payloads. */
export interface JobPayloads {
	'recording.stop': { runId: string };
	'recording.finalize': { runId: string };
	/** `attempt`: which request to the recorder this watch is for (each one is watched once). */
	'recording.watch': { recordingId: string; attempt: number };
	'transcript.track': { recordingId: string };
	'transcript.merge': { sessionId: string };
	/** `force`: the host asked to write them again, even for a transcript that has them. */
	'insights.generate': { sessionId: string; force?: boolean };
	'recording.export': { exportId: string };
	/** Joins a session's room-mix segments (and runs) into the one file the record page plays. */
	'recording.join-mix': { sessionId: string };
	'pipeline.reconcile': Record<string, never>;
	/** A meeting ended or its recording stopped: its live captions become its transcript at once. */
	'transcript.live': { sessionId: string };
	/** Refreshes a transcribed meeting's rolling notes with the lines that came since. */
	'notes.refresh': { sessionId: string };
	/** Rebuilds a session's search passages (transcript, chat, insights, board). */
	'memory.index': { sessionId: string };
	/** Sends one delivery of a room's item webhook (the delivery log row holds the body). */
	'webhook.deliver': { deliveryId: string };
	/** Turns a session's action items into the room's tracked items (merged when they recur). */
	'items.sync': { sessionId: string };
}
export type JobName = keyof JobPayloads;

/** Each job's key: with the queue's policy, it is what makes a job run once. */
export const JOB_KEYS: { [N in JobName]: (data: JobPayloads[N]) => string | undefined } = {
	'recording.stop': ({ runId }) => runId,
	'recording.finalize': ({ runId }) => runId,
	'recording.watch': ({ recordingId, attempt }) => `${recordingId}:${attempt}`,
	'transcript.track': ({ recordingId }) => recordingId,
	'transcript.merge': ({ sessionId }) => sessionId,
	'insights.generate': ({ sessionId }) => sessionId,
	'recording.export': ({ exportId }) => exportId,
	'recording.join-mix': ({ sessionId }) => sessionId,
	'pipeline.reconcile': () => undefined,
	'transcript.live': ({ sessionId }) => sessionId,
	'notes.refresh': ({ sessionId }) => sessionId,
	'memory.index': ({ sessionId }) => sessionId,
	'webhook.deliver': ({ deliveryId }) => deliveryId,
	'items.sync': ({ sessionId }) => sessionId
};

/** What services use to hand work to the runner (pg-boss underneath). */
export interface JobQueue {
	enqueue<N extends JobName>(name: N, data: JobPayloads[N], options?: { delaySeconds?: number }): Promise<void>;
}

type QueuePolicy = Pick<Queue, 'policy' | 'retryLimit' | 'retryDelay' | 'retryDelayMax' | 'retryBackoff' | 'heartbeatSeconds' | 'expireInSeconds'>;

/**
 * Queue policies, as pg-boss documents them (enforced by its unique indexes, per singleton
 * key, across every app process):
 * - `exclusive`: one job per key queued or active — a second send while one waits, retries or
 *   runs is dropped. Stop, finalize and each track's transcription run once per key.
 * - `stately`: one queued AND one active per key — a merge asked for while another runs is
 *   kept (the running one may have read the parts too early) but never piles up.
 * Leases are heartbeats: a worker that dies (kill -9) stops beating and its job is retried
 * after `heartbeatSeconds`. Retries back off exponentially; a job that exhausts them is left
 * failed (the dead state) with its error in pg-boss's table.
 */
export const QUEUES: Record<JobName, QueuePolicy> = {
	// The recorder may be unreachable for a while: keep trying to stop it, for about ten minutes.
	'recording.stop': { policy: 'exclusive', retryLimit: 20, retryDelay: 2, retryDelayMax: 60, retryBackoff: true, heartbeatSeconds: 30, expireInSeconds: 120 },
	// Waits for the egresses to end: a finalize in its retry delay drops the egress_ended
	// webhook's own finalize (exclusive), so the delay IS the wait after the last egress ends.
	// Every second, no backoff (an export or the record waits on it), for about fifteen minutes;
	// the reconciliation poll queues it again after that.
	'recording.finalize': { policy: 'exclusive', retryLimit: 900, retryDelay: 1, retryBackoff: false, heartbeatSeconds: 30, expireInSeconds: 120 },
	// Whisper may be down for a while: keep retrying for about an hour before giving up.
	// Looks again every few seconds while a recording is within its start grace.
	'recording.watch': { policy: 'exclusive', retryLimit: 10, retryDelay: 3, retryBackoff: false, heartbeatSeconds: 30, expireInSeconds: 60 },
	'transcript.track': { policy: 'exclusive', retryLimit: 40, retryDelay: 5, retryDelayMax: 120, retryBackoff: true, heartbeatSeconds: 20, expireInSeconds: 3600 },
	'transcript.merge': { policy: 'stately', retryLimit: 10, retryDelay: 2, retryDelayMax: 30, retryBackoff: true, heartbeatSeconds: 30, expireInSeconds: 120 },
	// A rate-limited or unreachable engine: retry for about half an hour. A local model on two
	// cores may write for several minutes: the heartbeat, not the expiry, tells a dead worker.
	'insights.generate': { policy: 'exclusive', retryLimit: 8, retryDelay: 10, retryDelayMax: 300, retryBackoff: true, heartbeatSeconds: 30, expireInSeconds: 3600 },
	'recording.export': { policy: 'exclusive', retryLimit: 2, retryDelay: 10, retryDelayMax: 60, retryBackoff: true, heartbeatSeconds: 30, expireInSeconds: 3600 },
	// Stately: a run finishing while its session's mix is being joined has it joined again.
	'recording.join-mix': { policy: 'stately', retryLimit: 5, retryDelay: 10, retryDelayMax: 120, retryBackoff: true, heartbeatSeconds: 30, expireInSeconds: 3600 },
	'pipeline.reconcile': { policy: 'exclusive', retryLimit: 0, heartbeatSeconds: 30, expireInSeconds: 120 },
	// Stately: a stop and the meeting's end close together both leave the transcript complete.
	'transcript.live': { policy: 'stately', retryLimit: 5, retryDelay: 1, retryDelayMax: 10, retryBackoff: true, heartbeatSeconds: 30, expireInSeconds: 120 },
	// Exclusive: one refresh per meeting queued or writing; the next one is asked for when lines arrive.
	'notes.refresh': { policy: 'exclusive', retryLimit: 2, retryDelay: 30, retryBackoff: true, heartbeatSeconds: 30, expireInSeconds: 1800 },
	// Stately: a change while a session is being indexed has it indexed again (never piles up).
	'memory.index': { policy: 'stately', retryLimit: 5, retryDelay: 5, retryDelayMax: 120, retryBackoff: true, heartbeatSeconds: 30, expireInSeconds: 300 },
	// A receiver that is down or answers 5xx/429: 10 s, 20 s, 40 s … capped at 30 min, about
	// two hours in all; the last attempt's failure leaves the delivery failed in the log.
	'webhook.deliver': { policy: 'exclusive', retryLimit: 10, retryDelay: 10, retryDelayMax: 1800, retryBackoff: true, heartbeatSeconds: 30, expireInSeconds: 60 },
	// Stately: insights written again while a sync runs have the session synced again.
	'items.sync': { policy: 'stately', retryLimit: 5, retryDelay: 5, retryDelayMax: 120, retryBackoff: true, heartbeatSeconds: 30, expireInSeconds: 300 }
};

export function pgBossQueue(boss: PgBoss): JobQueue {
	return {
		async enqueue(name, data, options = {}) {
			const key = JOB_KEYS[name](data);
			// A send the policy refuses (one already queued) answers null: that job covers this one.
			await boss.send(name, data, {
				...(key ? { singletonKey: key } : {}),
				...(options.delaySeconds ? { startAfter: options.delaySeconds } : {})
			});
		}
	};
}
