import { createHash } from 'node:crypto';
import { insightsLanguage } from '../../transcript/languages';
import { liveTranscriptLines } from '../../transcript/live';
import { allChatMessages } from '../chat/chat.repository';
import type { MeetingSession, Recording } from '../db/schema';
import { generateInsights, INSIGHTS_OFF, writeAndStore } from '../insights/generate-insights.job';
import { claimInsights, latestInsights } from '../insights/insights.repository';
import { promptVersion } from '../insights/prompt';
import { queueInsights } from '../meetings/queue-insights';
import type { Attempt } from '../jobs/runner';
import { sessionLiveSegments } from '../meetings/live-segments.repository';
import { LIVE_IMPROVING, setInsightsStage, setTranscriptStage } from '../meetings/record-stage';
import { findSessionById, saveTranscript } from '../meetings/session.repository';
import { sessionRecordings } from '../recordings/recording.repository';
import { sessionParticipants } from '../rooms/participant.repository';
import { sessionSpokenLanguage } from '../rooms/room.repository';
import { transcriptOrigin } from '../transcription/transcript-origin';
import { chatOf, liveMaterial, notesThrough, segmentFacts } from './live-material';
import { latestLiveNotes } from './live-notes.repository';
import type { LiveNotesContext } from './live-notes.job';

/** Marks insights written from the live transcript and the rolling notes. */
const LIVE_PROMPT = '+live';

/** The record's clock: the recordings' (what the page plays), else the meeting's start. */
function recordOrigin(recordings: Recording[], session: MeetingSession): number {
	return recordings.length ? transcriptOrigin(recordings) : session.started_at.getTime();
}

/**
 * The `transcript.live` job, when a meeting ends or its recording stops: a meeting with live
 * finals has them as its transcript at once (ready, on the record's clock, with the captions'
 * segment ids), and its insights are written from the rolling notes. The offline pass over
 * the recordings (if any) follows and may replace the text (see offlineReplacesLive); a
 * transcript it already replaced is left alone.
 */
export async function finishLiveTranscript(ctx: LiveNotesContext, sessionId: string): Promise<void> {
	const session = await findSessionById(ctx.db, sessionId);
	if (!session || (session.transcript_source === 'offline' && session.transcript.length)) return;
	const segments = await sessionLiveSegments(ctx.db, sessionId);
	if (!segments.length) return;
	const recordings = await sessionRecordings(ctx.db, sessionId);
	const lines = liveTranscriptLines(segments.map(segmentFacts), recordOrigin(recordings, session));
	await saveTranscript(ctx.db, sessionId, lines, 'live');
	const offlineComing = recordings.some((r) => r.kind === 'track');
	await setTranscriptStage(ctx, sessionId, 'ready', offlineComing ? LIVE_IMPROVING : null);
	await queueInsights(ctx, sessionId);
	await ctx.jobs.enqueue('memory.index', { sessionId });
}

/**
 * The `insights.generate` job. A live transcript's insights come from the rolling notes plus
 * the lines they do not cover yet (a few minutes at most); once the offline transcript has
 * replaced it, those insights stand (their citations resolve by time). The host's re-run, and
 * every meeting without live captions, write them from the transcript as before.
 */
export async function writeMeetingInsights(ctx: LiveNotesContext, sessionId: string, attempt: Attempt, { force = false } = {}): Promise<void> {
	const session = await findSessionById(ctx.db, sessionId);
	if (!force && session?.transcript_source === 'live') return liveInsights(ctx, session, attempt);
	if (!force && session?.transcript_source === 'offline') {
		const last = await latestInsights(ctx.db, sessionId);
		if (last?.status === 'ready' && last.prompt_version.endsWith(LIVE_PROMPT)) return setInsightsStage(ctx, sessionId, 'ready', null);
	}
	return generateInsights(ctx, sessionId, attempt, { force });
}

async function liveInsights(ctx: LiveNotesContext, session: MeetingSession, attempt: Attempt): Promise<void> {
	const sessionId = session.id;
	if (session.transcript_status !== 'ready' || !session.transcript.length) return;
	const engine = ctx.insights.engine;
	if (!engine) return setInsightsStage(ctx, sessionId, 'off', INSIGHTS_OFF);

	const [segments, chatRows, participants, recordings, notes] = await Promise.all([
		sessionLiveSegments(ctx.db, sessionId),
		allChatMessages(ctx.db, sessionId),
		sessionParticipants(ctx.db, sessionId),
		sessionRecordings(ctx.db, sessionId),
		latestLiveNotes(ctx.db, sessionId)
	]);
	const chat = chatOf(chatRows);
	const material = liveMaterial(segments, chat, recordOrigin(recordings, session), participants.map((p) => p.display_name));
	const language = insightsLanguage(await sessionSpokenLanguage(ctx.db, sessionId), ctx.insights.defaultLanguage ?? 'en');
	const transcriptHash = createHash('sha256').update(JSON.stringify([session.transcript, chat.map((m) => [m.seq, m.text])])).digest('hex');
	const row = await claimInsights(ctx.db, { session_id: sessionId, transcript_hash: transcriptHash, prompt_version: promptVersion(language) + LIVE_PROMPT, engine: engine.name, model: engine.model });
	if (row.status === 'ready') return setInsightsStage(ctx, sessionId, 'ready', null);

	// Only the lines since the last refresh are read; their notes join the rolling ones side by
	// side (a model combine costs a minute on a small CPU engine: the record is wanted now).
	await writeAndStore(ctx, { sessionId, rowId: row.id, material, attempt, label: 'live insights' }, async () => {
		const written = await notesThrough(engine, material, notes ? { summary: notes.summary, linesUpto: notes.lines_upto, chatUpto: notes.chat_upto } : null, {
			maxOutputTokens: ctx.insights.maxOutputTokens,
			language,
			combine: 'lists'
		});
		return written && { raw: written.summary, usage: written.usage };
	});
}
