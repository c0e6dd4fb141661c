/** Base of the errors an insights engine throws; `status` is the HTTP status when there was one. */
export abstract class EngineError extends Error {
	constructor(
		message: string,
		readonly status?: number,
		options?: ErrorOptions
	) {
		super(message, options);
	}
}

/** Unreachable, timed out, rate-limited (429) or failing (5xx): worth retrying, no sooner than `retryAfterSeconds`. */
export class EngineUnavailableError extends EngineError {
	override readonly name = 'EngineUnavailableError';
	constructor(
		message: string,
		options?: ErrorOptions & { status?: number; retryAfterSeconds?: number }
	) {
		super(message, options?.status, options);
		this.retryAfterSeconds = options?.retryAfterSeconds;
	}
	readonly retryAfterSeconds: number | undefined;
}

/** The request itself was refused (400-class: bad key, bad model, too long): retrying cannot help. */
export class EngineRejectedError extends EngineError {
	override readonly name = 'EngineRejectedError';
}

/** The model answered nothing usable: a blocked prompt, a safety stop, an empty candidate. */
export class EngineBlockedError extends EngineError {
	override readonly name = 'EngineBlockedError';
}

/** The answer is not the JSON that was asked for. */
export class EngineOutputError extends EngineError {
	override readonly name = 'EngineOutputError';
}
