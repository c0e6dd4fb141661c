import type { RoomServiceClient } from 'livekit-server-sdk';
import type { Db } from '../db';
import type { JobQueue } from '../jobs/queue';
import { announceStage } from './record-stage';
import { markInsightsQueued } from './session.repository';

/** The note of insights queued behind other meetings' (the engine writes one request at a time). */
export const INSIGHTS_QUEUED = 'Waiting for the insights engine…';

/**
 * A transcript became ready: its insights are queued, and a record without insights says at
 * once that they are coming. The engine writes one meeting's insights at a time, so a meeting
 * may wait behind another's; without this its record showed nothing until its turn came.
 */
export async function queueInsights(ctx: { db: Db; livekit: RoomServiceClient; jobs: JobQueue }, sessionId: string): Promise<void> {
	// Marked before the job is queued: a job that starts at once then says it is writing.
	if (await markInsightsQueued(ctx.db, sessionId, INSIGHTS_QUEUED)) await announceStage(ctx, sessionId);
	await ctx.jobs.enqueue('insights.generate', { sessionId });
}
