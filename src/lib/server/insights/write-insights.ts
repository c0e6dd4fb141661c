import type { InsightsEngine, TokenUsage } from './engines/engine';
import { EngineOutputError } from './engines/engine-errors';
import { INSIGHTS_SCHEMA, rawInsights, rawTasks, TASKS_SCHEMA, type RawInsights, type RawTasks } from './insights-schema';
import { estimateTokens, splitByTime, type Material } from './material';
import { packInOrder } from './pack-in-order';
import { combinePrompt, notesPrompt, tasksPrompt } from './prompt';

export interface WriteOptions {
	/** Room for the answer in each request. */
	maxOutputTokens: number;
	/** Extra tries when an answer is not JSON (small models sometimes stray). */
	outputRetries?: number;
	/** The language to write in, by its English name; null: the meeting's own. English when left out. */
	language?: string | null;
	/**
	 * Also ask, per part, a focused request for the decisions and action items alone, whose
	 * lists replace the notes' (one more request per part: the final insights use it, the
	 * rolling notes during a call do not).
	 */
	tasksPass?: boolean;
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
	// Greedy (temperature 0): the same meeting gives the same items.
	const askTasks = asker(engine, options, usage, { schema: TASKS_SCHEMA, schemaName: 'meeting_tasks', parse: (json) => rawTasks.parse(json), temperature: 0 });

	const budget = promptBudget(engine, options.maxOutputTokens);
	const whole = notesPrompt(material.entries, material.participants, undefined, language);
	if (estimateTokens(whole.system + whole.prompt) <= engine.contextTokens - options.maxOutputTokens) {
		if (!options.tasksPass) return { raw: await ask(whole), usage };
		// The focused request first: the notes are told what it found.
		const found = await askTasks(tasksPrompt(material.entries, material.participants, undefined, language));
		return { raw: withTasks(await ask(notesPrompt(material.entries, material.participants, undefined, language, found)), [found]), usage };
	}

	const parts = splitByTime(material.entries, budget);
	usage.parts = parts.length;
	const tasks: RawTasks[] = [];
	let notes: RawInsights[] = [];
	for (const [i, entries] of parts.entries()) {
		const part = { index: i + 1, of: parts.length };
		const found = options.tasksPass ? await askTasks(tasksPrompt(entries, material.participants, part, language)) : undefined;
		if (found) tasks.push(found);
		notes.push(await ask(notesPrompt(entries, material.participants, part, language, found)));
	}
	while (notes.length > 1) {
		// Consecutive groups of notes whose JSON fits one combine request together.
		const rounds = packInOrder(notes, (n) => estimateTokens(JSON.stringify(n)), budget);
		notes = [];
		for (const group of rounds) notes.push(group.length === 1 ? group[0]! : await ask(combinePrompt(group, material.participants, language)));
		if (rounds.every((g) => g.length === 1)) break; // each part's notes alone fill a request: keep the first round's
	}
	const raw = notes.length === 1 ? notes[0]! : mergeLists(notes);
	return { raw: options.tasksPass ? withTasks(raw, tasks) : raw, usage };
}

/**
 * The notes with the focused requests' decisions and action items (each part's, in order) in
 * place of their own; a list the focused requests left empty keeps the notes' one.
 */
export function withTasks(notes: RawInsights, tasks: RawTasks[]): RawInsights {
	const decisions = tasks.flatMap((t) => t.decisions);
	const actionItems = tasks.flatMap((t) => t.actionItems);
	return { ...notes, decisions: decisions.length ? decisions : notes.decisions, actionItems: actionItems.length ? actionItems : notes.actionItems };
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

/** What one kind of request answers: its schema, how it is read, and how freely it is written (0.2 when left out). */
interface Answer<T> {
	schema: typeof INSIGHTS_SCHEMA;
	schemaName: string;
	parse: (json: unknown) => T;
	temperature?: number;
}

const NOTES: Answer<RawInsights> = { schema: INSIGHTS_SCHEMA, schemaName: 'meeting_notes', parse: (json) => rawInsights.parse(json) };

/** One request to the engine, read as notes (or as `answer` says); an answer that is not JSON is asked again. */
function asker<T = RawInsights>(
	engine: InsightsEngine,
	options: WriteOptions,
	usage: Written['usage'],
	answer: Answer<T> = NOTES as unknown as Answer<T>
) {
	return async (request: { system: string; prompt: string }): Promise<T> => {
		for (let attempt = 0; ; attempt++) {
			try {
				const reply = await engine.generate({ ...request, schema: answer.schema, schemaName: answer.schemaName, maxOutputTokens: options.maxOutputTokens, temperature: answer.temperature ?? 0.2 });
				usage.requests++;
				usage.inputTokens += reply.usage.inputTokens;
				usage.outputTokens += reply.usage.outputTokens;
				return answer.parse(reply.json);
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

