/**
 * An engine that answers a prompt with JSON matching a schema: Gemini (through @google/genai)
 * or any OpenAI-compatible chat endpoint (llama.cpp, Ollama, vLLM). The insights pipeline
 * knows only this shape.
 */

/** A JSON Schema object (the subset both engines' structured-output modes accept). */
export type JsonSchema = { [key: string]: unknown };

export interface StructuredRequest {
	/** Instructions: what to write and the rules for citations. */
	system: string;
	/** The material: transcript lines and chat messages, each with its id. */
	prompt: string;
	schema: JsonSchema;
	/** A short name for the schema (OpenAI's `json_schema.name`). */
	schemaName: string;
	maxOutputTokens: number;
	temperature?: number;
	signal?: AbortSignal;
}

export interface TokenUsage {
	inputTokens: number;
	outputTokens: number;
}

export interface StructuredReply {
	/** The reply, parsed from JSON (not yet checked against the schema: the caller validates). */
	json: unknown;
	usage: TokenUsage;
}

/** A plain-text request whose answer is streamed as it is written (Ask). */
export interface TextRequest {
	system: string;
	prompt: string;
	maxOutputTokens: number;
	temperature?: number;
	signal?: AbortSignal;
}

export type EngineName = 'gemini' | 'openai-compatible';

export interface InsightsEngine {
	readonly name: EngineName;
	readonly model: string;
	/** How many tokens one request (prompt and answer) may hold. */
	readonly contextTokens: number;
	/**
	 * Throws EngineUnavailableError (retry later), EngineRejectedError (never retry),
	 * EngineBlockedError (the model refused or answered nothing) or EngineOutputError (the
	 * answer is not JSON).
	 */
	generate(request: StructuredRequest): Promise<StructuredReply>;
	/**
	 * The answer as free text, yielded piece by piece as the model writes it. Throws the same
	 * errors as `generate` (before the first piece, or mid-way when the stream breaks off).
	 * Optional so that test doubles of `generate` need not write one; both real engines do.
	 */
	streamText?(request: TextRequest): AsyncIterable<string>;
}
