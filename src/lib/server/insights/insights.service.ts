import type { Room } from '../db/schema';
import type { JobQueue } from '../jobs/queue';
import { setInsightsStage } from '../meetings/record-stage';
import { findRoomSession } from '../meetings/session.repository';
import type { InsightsContext } from './insights-context';

export type RequestResult = { ok: true } | { ok: false; reason: 'not_found' | 'no_transcript' | 'insights_off' };

/** The host asks for the insights again: queued (once per session at a time), shown as pending at once. */
export async function requestInsights(ctx: InsightsContext & { jobs: JobQueue }, room: Room, sessionId: string): Promise<RequestResult> {
	const session = await findRoomSession(ctx.db, room.id, sessionId);
	if (!session) return { ok: false, reason: 'not_found' };
	if (session.transcript_status !== 'ready' || !session.transcript.length) return { ok: false, reason: 'no_transcript' };
	if (!ctx.insights.engine) return { ok: false, reason: 'insights_off' };
	await setInsightsStage(ctx, session.id, 'pending', 'Writing insights again…');
	await ctx.jobs.enqueue('insights.generate', { sessionId: session.id, force: true });
	return { ok: true };
}
