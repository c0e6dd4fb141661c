import type { Room } from '../db/schema';
import { notifyLobby } from '../access/lobby-events';
import { endSession } from '../access/meeting-session.service';
import { findLiveRunOfSession } from '../recordings/recording.repository';
import { stopRecording } from '../recordings/recording.service';
import { releaseLock } from '../screen-share/screen-share.repository';
import type { PipelineContext } from './pipeline-context';

/**
 * A meeting is over (End for all, LiveKit's room_finished, or the poll found its LiveKit
 * room gone): its passes are revoked (the lobby's knockers are told), its recording stops and goes to the pipeline, and the
 * screen-share lock is freed for the next meeting. Safe to call more than once.
 */
export async function closeMeeting(ctx: PipelineContext, room: Room, sessionId: string, at = new Date()): Promise<void> {
	await endSession(ctx.db, sessionId, at);
	await notifyLobby(ctx.db, room.id); // whoever waits in the lobby hears the meeting is over
	if (await findLiveRunOfSession(ctx.db, sessionId)) await stopRecording(ctx, room);
	await releaseLock(ctx.db, room.id);
	// Its live captions (if it kept them) become its transcript at once (after 2 s: the last final is on its way).
	await ctx.jobs.enqueue('transcript.live', { sessionId }, { delaySeconds: 2 });
	// Its chat and board become searchable (the transcript and insights queue their own indexing when stored).
	await ctx.jobs.enqueue('memory.index', { sessionId }, { delaySeconds: 5 });
}
