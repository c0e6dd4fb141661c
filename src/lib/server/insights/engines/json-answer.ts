import { EngineBlockedError, EngineOutputError } from './engine-errors';

/** How an engine names the answer in its errors, and why the model stopped writing it. */
export interface AnswerSource {
	/** Who answered, as a message starts: `Gemini`, `The model server at http://…`. */
	service: string;
	/** The answer, as a message starts: `Gemini's answer`, `The answer from the model server at …`. */
	answer: string;
	/** The engine's finish reason as it reports it; `none` when it gave none. */
	finish: string;
	/** The limit the answer ran into (`256 tokens`) when the finish reason says it was cut off. */
	cutOffAt?: string | undefined;
}

/**
 * The model's text answer parsed as JSON (not yet checked against the schema: the caller
 * validates). No text is an EngineBlockedError (the model wrote nothing); text that is not
 * JSON an EngineOutputError, saying whether the answer was cut off, so the caller may ask
 * again.
 */
export function parseJsonAnswer(text: string | null | undefined, source: AnswerSource): unknown {
	if (!text?.trim()) {
		throw new EngineBlockedError(`${source.service} answered nothing (finish reason ${source.finish})`);
	}
	try {
		return JSON.parse(text);
	} catch (cause) {
		const why = source.cutOffAt ? `was cut off at ${source.cutOffAt}` : `is not JSON (finish reason ${source.finish})`;
		throw new EngineOutputError(`${source.answer} ${why}: ${text.slice(0, 200)}`, undefined, { cause });
	}
}
