import type { Db } from '../db';
import type { JobQueue } from '../jobs/queue';
import { indexSession, unindexedSessions } from './index.service';

/** The `memory.index` job: one session's passages, rebuilt from what is stored now. */
export async function indexMemory(ctx: { db: Db }, sessionId: string): Promise<void> {
	await indexSession(ctx.db, sessionId);
}

/** Ended meetings never indexed (held before search existed, or whose job was lost) are queued, a batch per reconciliation. */
export async function queueUnindexedSessions(ctx: { db: Db; jobs: JobQueue }, batch = 50): Promise<number> {
	const sessions = await unindexedSessions(ctx.db, batch);
	for (const sessionId of sessions) await ctx.jobs.enqueue('memory.index', { sessionId });
	return sessions.length;
}
