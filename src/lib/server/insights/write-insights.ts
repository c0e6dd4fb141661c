import type { InsightsEngine, TokenUsage } from './engines/engine';
import { EngineOutputError } from './engines/engine-errors';
import { INSIGHTS_SCHEMA, rawInsights, type RawInsights } from './insights-schema';
import { estimateTokens, splitByTime, type Material } from './material';
import { packInOrder } from './pack-in-order';
import { combinePrompt, notesPrompt } from './prompt';

export interface WriteOptions {
	/** Room for the answer in each request. */
	maxOutputTokens: number;
	/** Extra tries when an answer is not JSON (small models sometimes stray). */
	outputRetries?: number;
	/** The language to write in, by its English name; null: the meeting's own. English when left out. */
	language?: string | null;
}

export interface Written {
	raw: RawInsights;
	usage: TokenUsage & { requests: number; parts: number };
}

/**
 * Asks the engine for notes on the meeting. When the meeting does not fit one request, it is
 * split by time, each part is written on its own (map) and the parts' notes are combined
 * (reduce) — combined again in rounds if they do not fit either. Citations are the
 * material's global ids throughout, so they stay valid across parts.
 */
export async function writeInsights(engine: InsightsEngine, material: Material, options: WriteOptions): Promise<Written> {
	const language = options.language === undefined ? 'English' : options.language;
	const usage = { inputTokens: 0, outputTokens: 0, requests: 0, parts: 1 };
	const ask = asker(engine, options, usage);

	const budget = promptBudget(engine, options.maxOutputTokens);
	const whole = notesPrompt(material.entries, material.participants, undefined, language);
	if (estimateTokens(whole.system + whole.prompt) <= engine.contextTokens - options.maxOutputTokens) {
		return { raw: await ask(whole), usage };
	}

	const parts = splitByTime(material.entries, budget);
	usage.parts = parts.length;
	let notes: RawInsights[] = [];
	for (const [i, entries] of parts.entries()) notes.push(await ask(notesPrompt(entries, material.participants, { index: i + 1, of: parts.length }, language)));
	while (notes.length > 1) {
		// Consecutive groups of notes whose JSON fits one combine request together.
		const rounds = packInOrder(notes, (n) => estimateTokens(JSON.stringify(n)), budget);
		notes = [];
		for (const group of rounds) notes.push(group.length === 1 ? group[0]! : await ask(combinePrompt(group, material.participants, language)));
		if (rounds.every((g) => g.length === 1)) break; // each part's notes alone fill a request: keep the first round's
	}
	return { raw: notes.length === 1 ? notes[0]! : mergeLists(notes), usage };
}

/**
 * Combines notes already written on consecutive parts of one meeting (oldest first) into one
 * set, their citations carried over: the rolling notes add each new part's notes this way.
 */
export async function combineNotes(engine: InsightsEngine, notes: RawInsights[], participants: string[], options: WriteOptions): Promise<Written> {
	const language = options.language === undefined ? 'English' : options.language;
	const usage = { inputTokens: 0, outputTokens: 0, requests: 0, parts: notes.length };
	if (notes.length === 1) return { raw: notes[0]!, usage };
	return { raw: await asker(engine, options, usage)(combinePrompt(notes, participants, language)), usage };
}

/** One request to the engine, read as notes (an answer that is not JSON is asked again). */
function asker(engine: InsightsEngine, options: WriteOptions, usage: Written['usage']) {
	return async (request: { system: string; prompt: string }): Promise<RawInsights> => {
		for (let attempt = 0; ; attempt++) {
			try {
				const reply = await engine.generate({ ...request, schema: INSIGHTS_SCHEMA, schemaName: 'meeting_notes', maxOutputTokens: options.maxOutputTokens, temperature: 0.2 });
				usage.requests++;
				usage.inputTokens += reply.usage.inputTokens;
				usage.outputTokens += reply.usage.outputTokens;
				return rawInsights.parse(reply.json);
			} catch (err) {
				if (!(err instanceof EngineOutputError) || attempt >= (options.outputRetries ?? 2)) throw err;
			}
		}
	};
}

/** Tokens left for the meeting's lines in one request, after the instructions and the answer. */
function promptBudget(engine: InsightsEngine, maxOutputTokens: number): number {
	const overhead = estimateTokens(notesPrompt([], []).system) + 200;
	return Math.max(500, engine.contextTokens - maxOutputTokens - overhead);
}

/** The last resort when notes cannot be combined by the model (or there is no time to): their lists side by side. */
export function mergeLists(notes: RawInsights[]): RawInsights {
	return {
		summary: notes.map((n) => n.summary).filter(Boolean).join(' '),
		keyPoints: notes.flatMap((n) => n.keyPoints),
		decisions: notes.flatMap((n) => n.decisions),
		actionItems: notes.flatMap((n) => n.actionItems),
		openQuestions: notes.flatMap((n) => n.openQuestions)
	};
}

