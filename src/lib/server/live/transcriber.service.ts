import { z } from 'zod';
import type { AppContext } from '../app-context';
import type { JobQueue } from '../jobs/queue';
import type { InsightsContext } from '../insights/insights-context';
import { insertLiveSegments } from '../meetings/live-segments.repository';
import { keepsFinalsUntil } from '../../transcript/live';
import type { MeetingSession } from '../db/schema';
import { findRoomByCode, newestSessionWithStop, openSessionTranscribing } from '../rooms/room.repository';
import { scheduleLiveNotes } from './live-notes.job';

/** The transcriber's finals (the contract of issue #25): at most 50 at once, each text at most 2000 characters. */
export const TRANSCRIBER_SEGMENTS = z.object({
	room: z.string().min(1).max(64),
	segments: z
		.array(
			z
				.object({
					segmentId: z.string().min(1).max(200),
					trackSid: z.string().max(200),
					participantIdentity: z.string().min(1).max(200),
					speakerName: z.string().max(200),
					text: z.string().max(2000),
					startMs: z.number().int().nonnegative(),
					endMs: z.number().int().nonnegative(),
					language: z.string().max(16).nullish()
				})
				.refine((s) => s.endMs >= s.startMs, { message: 'endMs must not be before startMs', path: ['endMs'] })
		)
		.max(50)
});

export type TranscriberSegments = z.infer<typeof TRANSCRIBER_SEGMENTS>;

type Ctx = Pick<AppContext, 'db'> & InsightsContext & { jobs: JobQueue };

/**
 * Keeps the finals of the room's current meeting while it is transcribed (the host chose
 * Transcribe, or it is recorded); otherwise nothing is kept and the answer is 0. Idempotent per
 * (meeting, segment id): a retried post stores nothing twice. `grantRoom`: the room the
 * transcriber's token names; another room's finals are refused. The finals of what was said
 * before a Stop or the end still count when they come just after (keepsFinalsUntil): the
 * record at stop is made again with them.
 */
export async function storeFinals(ctx: Ctx, grantRoom: string, input: TranscriberSegments): Promise<{ stored: number } | { ok: false; reason: 'wrong_room' | 'no_room' }> {
	if (input.room !== grantRoom) return { ok: false, reason: 'wrong_room' };
	const room = await findRoomByCode(ctx.db, input.room);
	if (!room) return { ok: false, reason: 'no_room' };
	const keeping = await sessionKeepingFinals(ctx, room.id);
	if (!keeping) return { stored: 0 };
	const { session, until } = keeping;
	const stored = await insertLiveSegments(
		ctx.db,
		session.id,
		input.segments
			.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() }))
			.filter((s) => s.text && (until === 'always' || s.startMs < until))
			.map((s) => ({
				segment_id: s.segmentId,
				participant_identity: s.participantIdentity,
				speaker_name: s.speakerName.trim() || s.participantIdentity,
				track_sid: s.trackSid,
				text: s.text,
				language: s.language ?? null,
				started_at: new Date(s.startMs),
				ended_at: new Date(s.endMs)
			}))
	);
	if (stored && until === 'always') await scheduleLiveNotes(ctx, session.id).catch((err) => console.error(`rolling notes of ${session.id}: not scheduled`, err));
	if (stored && until !== 'always') await ctx.jobs.enqueue('transcript.live', { sessionId: session.id });
	return { stored };
}

/** The meeting a final belongs to, and until when it takes them (see keepsFinalsUntil); undefined: none does. */
async function sessionKeepingFinals(ctx: Ctx, roomId: string, now = Date.now()): Promise<{ session: MeetingSession; until: 'always' | number } | undefined> {
	const open = await openSessionTranscribing(ctx.db, roomId);
	if (open?.transcribing) return { session: open.session, until: 'always' };
	const newest = await newestSessionWithStop(ctx.db, roomId);
	if (!newest) return undefined;
	const { last_stop, ...session } = newest;
	const until = keepsFinalsUntil(
		{ transcribingNow: false, endedAtMs: session.ended_at?.getTime() ?? null, transcribeOn: session.transcribing_at !== null, lastStopMs: last_stop ? new Date(last_stop).getTime() : null },
		now
	);
	return until === null ? undefined : { session, until };
}
