import type { Citation } from '../../insights/types';
import { liveLine, type CatchUp, type CatchUpCitation, type CatchUpItem, type LiveLine } from '../../transcript/live';
import type { AppContext } from '../app-context';
import { allChatMessages } from '../chat/chat.repository';
import type { Room } from '../db/schema';
import type { Failure } from '../http/failures';
import { verifyInsights } from '../insights/verify-insights';
import { sessionLiveSegments } from '../meetings/live-segments.repository';
import { sessionParticipants } from '../rooms/participant.repository';
import { openSessionTranscribing } from '../rooms/room.repository';
import { chatOf, liveMaterial, segmentFacts } from './live-material';
import { latestLiveNotes } from './live-notes.repository';

type NotTranscribing = Failure<'not_transcribing'>;

const byTime = (a: LiveLine, b: LiveLine) => a.startedAt.localeCompare(b.startedAt);

/** The live lines of the room's meeting so far, in the order they were said (a latecomer's panel). */
export async function liveTranscript(ctx: Pick<AppContext, 'db'>, room: Room): Promise<{ lines: LiveLine[] } | NotTranscribing> {
	const open = await openSessionTranscribing(ctx.db, room.id);
	if (!open?.transcribing) return { ok: false, reason: 'not_transcribing' };
	const origin = open.session.started_at.getTime();
	const segments = await sessionLiveSegments(ctx.db, open.session.id);
	return { lines: segments.map((s) => liveLine(segmentFacts(s), origin)).sort(byTime) };
}

/**
 * Catch me up: the newest rolling notes of the meeting, each citation carrying the line (or
 * chat message) it points at as the live transcript has it, and the lines said since.
 */
export async function catchUp(ctx: Pick<AppContext, 'db'>, room: Room): Promise<CatchUp | NotTranscribing> {
	const open = await openSessionTranscribing(ctx.db, room.id);
	if (!open?.transcribing) return { ok: false, reason: 'not_transcribing' };
	const session = open.session;
	const origin = session.started_at.getTime();
	const [segments, notes] = await Promise.all([sessionLiveSegments(ctx.db, session.id), latestLiveNotes(ctx.db, session.id)]);
	const since = segments.slice(notes?.lines_upto ?? 0).map((s) => liveLine(segmentFacts(s), origin)).sort(byTime);
	if (!notes) return { notes: null, since };

	const [chatRows, participants] = await Promise.all([allChatMessages(ctx.db, session.id), sessionParticipants(ctx.db, session.id)]);
	const chat = chatOf(chatRows);
	const { insights } = verifyInsights(notes.summary, liveMaterial(segments, chat, origin, participants.map((p) => p.display_name)));
	const lines = new Map(segments.map((s) => [s.segment_id, s]));
	const messages = new Map(chat.map((c) => [String(c.seq), c]));
	const cite = (c: Citation): CatchUpCitation => {
		const line = c.kind === 'line' ? lines.get(c.ref) : undefined;
		const message = c.kind === 'chat' ? messages.get(c.ref) : undefined;
		return { ...c, time: line?.started_at.toISOString() ?? message?.sentAt ?? new Date(origin + c.at * 1000).toISOString(), text: line?.text ?? message?.text ?? '' };
	};
	const items = (list: typeof insights.keyPoints): CatchUpItem[] => list.map((item) => ({ ...item, citations: item.citations.map(cite) }));
	return {
		notes: {
			summary: insights.summary,
			keyPoints: items(insights.keyPoints),
			decisions: items(insights.decisions),
			actionItems: items(insights.actionItems),
			openQuestions: items(insights.openQuestions),
			writtenAt: notes.created_at.toISOString()
		},
		since
	};
}
