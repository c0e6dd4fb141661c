import { createHash } from 'node:crypto';
import type { ChatMessage } from '../../chat/message';
import { allChatMessages } from '../chat/chat.repository';
import type { JobQueue } from '../jobs/queue';
import type { Attempt } from '../jobs/runner';
import { INSIGHTS_QUEUED } from '../meetings/queue-insights';
import { setInsightsStage } from '../meetings/record-stage';
import { findSessionById } from '../meetings/session.repository';
import { sessionRecordings } from '../recordings/recording.repository';
import { sessionParticipants } from '../rooms/participant.repository';
import { transcriptOrigin } from '../transcription/transcript-origin';
import { EngineBlockedError, EngineOutputError, EngineRejectedError, EngineUnavailableError } from './engines/engine-errors';
import type { InsightsContext } from './insights-context';
import { claimInsights, failInsights, markInsightsRunning, saveInsights } from './insights.repository';
import { buildMaterial, type Material } from './material';
import { insightsLanguage } from '../../transcript/languages';
import { sessionSpokenLanguage } from '../rooms/room.repository';
import { promptVersion } from './prompt';
import { verifyInsights } from './verify-insights';
import { writeInsights, type Written } from './write-insights';

export const INSIGHTS_OFF =
	'Insights are off. Set GEMINI_API_KEY to use Gemini, or INSIGHTS_BASE_URL (and INSIGHTS_MODEL) for a self-hosted OpenAI-compatible engine; ./stoom up runs one.';

/**
 * Writes a session's insights from its final transcript and chat, once per (transcript,
 * prompt version, engine, model): a repeated job finds the stored result. The host's re-run
 * (`force`) writes them again. An unreachable or rate-limited engine is retried with backoff
 * (the job throws); a refusal is final and shown with its reason. The transcript is already
 * final and never waits on this.
 */
export async function generateInsights(ctx: InsightsContext & { jobs: JobQueue }, sessionId: string, attempt: Attempt, { force = false } = {}): Promise<void> {
	const session = await findSessionById(ctx.db, sessionId);
	if (!session || session.transcript_status !== 'ready' || !session.transcript.length) return;
	const engine = ctx.insights.engine;
	if (!engine) return setInsightsStage(ctx, sessionId, 'off', INSIGHTS_OFF);

	const [recordings, participants, chatRows] = await Promise.all([
		sessionRecordings(ctx.db, sessionId),
		sessionParticipants(ctx.db, sessionId),
		allChatMessages(ctx.db, sessionId)
	]);
	const chat: ChatMessage[] = chatRows.map((r) => ({ seq: Number(r.id), senderIdentity: r.sender_identity, senderName: r.sender_name, text: r.text, sentAt: r.created_at.toISOString() }));
	const material = buildMaterial(session.transcript, chat, transcriptOrigin(recordings), participants.map((p) => p.display_name));
	const transcriptHash = createHash('sha256').update(JSON.stringify([session.transcript, chat.map((m) => [m.seq, m.text])])).digest('hex');
	// The meeting's language (the room's setting, else the server's): the notes are written in it.
	const language = insightsLanguage(await sessionSpokenLanguage(ctx.db, sessionId), ctx.insights.defaultLanguage ?? 'en');
	const row = await claimInsights(ctx.db, { session_id: sessionId, transcript_hash: transcriptHash, prompt_version: promptVersion(language), engine: engine.name, model: engine.model });
	if (row.status === 'ready' && !force) return setInsightsStage(ctx, sessionId, 'ready', null);

	await writeAndStore(ctx, { sessionId, rowId: row.id, material, attempt, label: 'insights' }, () => writeInsights(engine, material, { maxOutputTokens: ctx.insights.maxOutputTokens, language, tasksPass: true }));
}

/**
 * Writes a claimed insights row with `write` and stores what it wrote, its citations checked
 * against the material; the record's stage says running, then ready (or 'none' when there was
 * nothing to write). An unreachable engine or an answer that is not JSON is retried with backoff
 * (the job throws) until the last attempt; then, or on a refusal, the row fails with its reason.
 * The offline record's insights and the live record's use it.
 */
export async function writeAndStore(
	ctx: InsightsContext & { jobs: JobQueue },
	{ sessionId, rowId, material, attempt, label }: { sessionId: string; rowId: string; material: Material; attempt: Attempt; label: string },
	write: () => Promise<Written | null>
): Promise<void> {
	const engine = ctx.insights.engine!;
	await markInsightsRunning(ctx.db, rowId);
	await setInsightsStage(ctx, sessionId, 'running', 'Writing insights…');
	const started = Date.now();
	try {
		const written = await write();
		if (!written) return setInsightsStage(ctx, sessionId, 'none', null);
		const verified = verifyInsights(written.raw, material);
		await saveInsights(ctx.db, rowId, {
			insights: verified.insights,
			dropped: verified.dropped,
			flagged: verified.flagged,
			citationsWritten: verified.citations.written,
			citationsKept: verified.citations.kept,
			usage: { ...written.usage, ms: Date.now() - started }
		});
		await setInsightsStage(ctx, sessionId, 'ready', null);
		// The insights become searchable.
		await ctx.jobs.enqueue('memory.index', { sessionId });
		// Its action items become (or recur as) the room's tracked items.
		await ctx.jobs.enqueue('items.sync', { sessionId });
	} catch (err) {
		console.error(`${label} of ${sessionId} (attempt ${attempt.retryCount + 1}, ${engine.name} ${engine.model}):`, err);
		const retryable = err instanceof EngineUnavailableError || err instanceof EngineOutputError;
		if (retryable && !attempt.lastAttempt) {
			await setInsightsStage(ctx, sessionId, 'pending', INSIGHTS_QUEUED);
			throw err; // retried with backoff
		}
		const reason = failureReason(err, attempt);
		await failInsights(ctx.db, rowId, reason);
		await setInsightsStage(ctx, sessionId, 'failed', reason);
	}
}

/** What the reader sees when insights could not be written: the kind of failure, never an internal address. */
export function failureReason(err: unknown, attempt: Attempt): string {
	const tries = `${attempt.retryCount + 1} attempt${attempt.retryCount ? 's' : ''}`;
	if (err instanceof EngineBlockedError) return `The model declined to write insights: ${err.message}`;
	if (err instanceof EngineRejectedError) return `The insights engine refused the request${err.status ? ` (HTTP ${err.status})` : ''}. Check GEMINI_MODEL / INSIGHTS_MODEL and the key.`;
	if (err instanceof EngineOutputError) return `The model's answer was not the JSON asked for, after ${tries}.`;
	if (err instanceof EngineUnavailableError) return `The insights engine did not answer, after ${tries}.`;
	return 'Insights could not be written.';
}
