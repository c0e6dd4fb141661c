import { insightsLanguage } from '../../transcript/languages';
import { allChatMessages } from '../chat/chat.repository';
import { env } from '../env';
import type { InsightsContext } from '../insights/insights-context';
import type { JobQueue } from '../jobs/queue';
import { countLiveSegments, sessionLiveSegments } from '../meetings/live-segments.repository';
import { findSessionById } from '../meetings/session.repository';
import { sessionParticipants } from '../rooms/participant.repository';
import { findRoomById, openSessionTranscribing, sessionSpokenLanguage } from '../rooms/room.repository';
import { chatOf, liveMaterial, notesThrough } from './live-material';
import { insertLiveNotes, latestLiveNotes } from './live-notes.repository';

export type LiveNotesContext = InsightsContext & { jobs: JobQueue };

/** Seconds from a meeting's first kept line to its first notes. */
const FIRST_NOTES_SECONDS = 60;

/** Seconds between two refreshes of a meeting's rolling notes (LIVE_NOTES_INTERVAL_SECONDS). */
export function liveNotesInterval(): number {
	return env().LIVE_NOTES_INTERVAL_SECONDS;
}

/**
 * Asks for the next refresh of a transcribed meeting's notes when lines came that the notes do
 * not cover: an interval after the last refresh (the first, a minute after the first line). One is queued per
 * meeting at a time; asking again while one waits changes nothing.
 */
export async function scheduleLiveNotes(ctx: LiveNotesContext, sessionId: string, intervalSeconds = liveNotesInterval(), now = Date.now()): Promise<void> {
	if (!ctx.insights.engine) return;
	const [latest, lines] = await Promise.all([latestLiveNotes(ctx.db, sessionId), countLiveSegments(ctx.db, sessionId)]);
	if (lines <= (latest?.lines_upto ?? 0)) return;
	// The first notes come sooner, so a latecomer a few minutes in can catch up; then every interval.
	const due = latest ? latest.created_at.getTime() + intervalSeconds * 1000 : now + Math.min(FIRST_NOTES_SECONDS, intervalSeconds) * 1000;
	const delaySeconds = Math.max(0, Math.ceil((due - now) / 1000));
	await ctx.jobs.enqueue('notes.refresh', { sessionId }, { delaySeconds });
}

/**
 * The `notes.refresh` job: while the meeting is transcribed, writes notes on the lines that
 * came since the last refresh and combines them with the notes so far (live-material.ts).
 * Only new lines are read, so each refresh costs a few minutes of meeting, however long it
 * has run. Too early (another refresh was just written) or nothing new: nothing happens.
 */
export async function refreshLiveNotes(ctx: LiveNotesContext, sessionId: string, intervalSeconds = liveNotesInterval(), now = Date.now()): Promise<void> {
	const engine = ctx.insights.engine;
	const session = await findSessionById(ctx.db, sessionId);
	const room = session && !session.ended_at ? await findRoomById(ctx.db, session.room_id) : undefined;
	if (!engine || !session || !room) return;
	const open = await openSessionTranscribing(ctx.db, room.id);
	if (!open?.transcribing || open.session.id !== sessionId) return;
	const latest = await latestLiveNotes(ctx.db, sessionId);
	if (latest && now - latest.created_at.getTime() < (intervalSeconds - 1) * 1000) return;

	const [segments, chatRows, participants] = await Promise.all([sessionLiveSegments(ctx.db, sessionId), allChatMessages(ctx.db, sessionId), sessionParticipants(ctx.db, sessionId)]);
	if (segments.length <= (latest?.lines_upto ?? 0)) return;
	const chat = chatOf(chatRows);
	const material = liveMaterial(segments, chat, session.started_at.getTime(), participants.map((p) => p.display_name));
	const language = insightsLanguage(await sessionSpokenLanguage(ctx.db, sessionId), ctx.insights.defaultLanguage ?? 'en');
	const started = Date.now();
	const notes = await notesThrough(engine, material, latest ? { summary: latest.summary, linesUpto: latest.lines_upto, chatUpto: latest.chat_upto } : null, {
		maxOutputTokens: ctx.insights.maxOutputTokens,
		language
	});
	if (!notes?.part) return;
	await insertLiveNotes(ctx.db, {
		session_id: sessionId,
		lines_upto: segments.length,
		chat_upto: chat.length,
		part: notes.part,
		summary: notes.summary,
		engine: engine.name,
		model: engine.model,
		ms: Date.now() - started
	});
}
