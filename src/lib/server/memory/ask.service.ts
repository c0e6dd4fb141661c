import type { Db } from '../db';
import type { InsightsEngine } from '../insights/engines/engine';
import { EngineError, EngineUnavailableError } from '../insights/engines/engine-errors';
import { askPrompt, keyTerms, labelPassages, parseClaims, saysNotFound, verifyClaims, type LabelledPassage } from './ask-answer';
import { neighbourPassages } from './ask.repository';
import type { MeetingPassage } from './meeting-passage';
import { searchMemory } from './search.service';
import type { MemoryViewer } from './viewer';

/** What Ask needs: the database and the insights engine (null: insights, and Ask, are off), as the pipeline's context holds it. */
export interface AskContext {
	db: Db;
	insights: { engine: InsightsEngine | null };
}

export interface AskOptions {
	/** Only this room's meetings. */
	roomId?: string;
	/** Passages found by search (before their neighbours are added); 12 by default. */
	hits?: number;
	maxOutputTokens?: number;
	signal?: AbortSignal;
}

/** A moment a claim cites: where the record page opens (`/<roomCode>/meetings/<sessionId>?t=<at>`). */
export type AskMoment = Omit<MeetingPassage, 'passageId'>;

export interface AskClaim {
	text: string;
	citations: AskMoment[];
}

/** The verified answer: claims whose citations exist and support them, or notFound. */
export interface AskAnswer {
	claims: AskClaim[];
	notFound: boolean;
	/** The answer as plain text: the claims kept, or "Not found in your meetings." */
	text: string;
	/** The engine's draft as written, before verification ('' when it was not asked). */
	draft: string;
	/** Passages the engine was given, draft claims dropped by verification, and claims kept citing another passage than the draft's. */
	passages: number;
	dropped: number;
	recited: number;
	/** From the question to the first piece of the draft (null: the engine was not asked), and to the verified answer. */
	firstTokenMs: number | null;
	totalMs: number;
}

/** Why an answer could not be written: the engine is off, or it failed (unreachable, refused, broke off). */
export type AskErrorReason = 'ask_off' | 'engine_unavailable' | 'engine_failed';

export type AskEvent = { type: 'draft'; text: string } | { type: 'final'; answer: AskAnswer } | { type: 'error'; reason: AskErrorReason };

const MAX_PASSAGES = 20;
/** The answer's text when nothing is kept (the page shows its own translated words). */
const NOT_FOUND_TEXT = 'Not found in your meetings.';

/** Retrieves what the viewer may see: the question as asked and its key terms, the best hits, and what was said around them. */
async function retrieve(ctx: AskContext, viewer: MemoryViewer, question: string, opts: AskOptions): Promise<(MeetingPassage & { label: string })[]> {
	const queries = [...new Set([question, keyTerms(question)].filter((q) => q.trim()))];
	const hits = new Map<string, MeetingPassage & { rank: number }>();
	for (const text of queries) {
		for (const hit of await searchMemory(ctx, viewer, { text, roomId: opts.roomId, limit: opts.hits ?? 12 })) {
			const seen = hits.get(hit.passageId);
			if (!seen || seen.rank < hit.rank) hits.set(hit.passageId, hit);
		}
	}
	const best = [...hits.values()].sort((a, b) => b.rank - a.rank).slice(0, opts.hits ?? 12);
	const passages = new Map<string, MeetingPassage>(best.map((h) => [h.passageId, h]));
	for (const n of await neighbourPassages(ctx.db, best.map((h) => h.passageId))) {
		if (passages.size >= MAX_PASSAGES) break;
		if (!passages.has(n.passageId)) passages.set(n.passageId, n);
	}
	return labelPassages([...passages.values()]);
}

function moment(p: LabelledPassage): AskMoment {
	return { sessionId: p.sessionId, roomCode: p.roomCode, roomName: p.roomName, meetingStartedAt: p.meetingStartedAt, kind: p.kind, speaker: p.speaker, at: p.at, text: p.text };
}

/**
 * Answers a question from the meetings the viewer may see, as it is written: the draft piece
 * by piece, then the verified answer (every claim's citations name passages given and support
 * it; none left → notFound). Nothing found, nothing asked: the answer is notFound at once.
 * Engine failures end the stream with an error event; nothing is thrown but the caller's abort.
 */
export async function* askMemoryStream(ctx: AskContext, viewer: MemoryViewer, question: string, opts: AskOptions = {}): AsyncGenerator<AskEvent> {
	const started = performance.now();
	const elapsed = () => Math.round(performance.now() - started);
	const engine = ctx.insights.engine;
	if (!engine?.streamText) return yield { type: 'error', reason: 'ask_off' };
	const passages = await retrieve(ctx, viewer, question, opts);
	if (!passages.length) {
		return yield { type: 'final', answer: { claims: [], notFound: true, text: NOT_FOUND_TEXT, draft: '', passages: 0, dropped: 0, recited: 0, firstTokenMs: null, totalMs: elapsed() } };
	}
	const { system, prompt } = askPrompt(question, passages);
	let draft = '';
	let firstTokenMs: number | null = null;
	try {
		for await (const piece of engine.streamText({ system, prompt, maxOutputTokens: opts.maxOutputTokens ?? 400, temperature: 0, signal: opts.signal })) {
			firstTokenMs ??= elapsed();
			draft += piece;
			yield { type: 'draft', text: piece };
		}
	} catch (error) {
		if (opts.signal?.aborted) throw error;
		if (!(error instanceof EngineError)) throw error;
		return yield { type: 'error', reason: error instanceof EngineUnavailableError ? 'engine_unavailable' : 'engine_failed' };
	}
	const verified = saysNotFound(draft) ? { claims: [], dropped: 0, recited: 0 } : verifyClaims(parseClaims(draft), passages, question);
	const claims = verified.claims.map((c) => ({ text: c.text, citations: c.passages.map(moment) }));
	yield {
		type: 'final',
		answer: { claims, notFound: claims.length === 0, text: claims.length ? claims.map((c) => c.text).join(' ') : NOT_FOUND_TEXT, draft, passages: passages.length, dropped: verified.dropped, recited: verified.recited, firstTokenMs, totalMs: elapsed() }
	};
}

/** The verified answer and its timings (the bench's entry point); an engine failure is thrown as an Error naming the reason. */
export async function askMemory(ctx: AskContext, viewer: MemoryViewer, question: string, opts: AskOptions = {}): Promise<AskAnswer> {
	for await (const event of askMemoryStream(ctx, viewer, question, opts)) {
		if (event.type === 'final') return event.answer;
		if (event.type === 'error') throw new Error(`Ask failed: ${event.reason}`);
	}
	throw new Error('Ask ended without an answer');
}
