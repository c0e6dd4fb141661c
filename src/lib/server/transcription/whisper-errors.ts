import { upstreamFailure } from '../http/upstream-failure';

// Still exported from here, where the Whisper client's tests import it.
export { parseRetryAfter } from '../http/upstream-failure';

/** Base of the errors the Whisper client throws; `status` is the HTTP status when there was one. */
export abstract class WhisperError extends Error {
	constructor(
		message: string,
		readonly status?: number,
		options?: ErrorOptions
	) {
		super(message, options);
	}
}

/**
 * The service could not be reached or could not answer now (connection refused, timeout,
 * 5xx, 408, 429, or a reply that is not the expected JSON). Worth retrying later, no
 * sooner than `retryAfterSeconds` when the service said so.
 */
export class WhisperUnavailableError extends WhisperError {
	override readonly name = 'WhisperUnavailableError';
	readonly retryAfterSeconds: number | undefined;

	constructor(
		message: string,
		options?: ErrorOptions & { status?: number; retryAfterSeconds?: number }
	) {
		super(message, options?.status, options);
		this.retryAfterSeconds = options?.retryAfterSeconds;
	}
}

/** The service refused this audio (4xx: empty, corrupt, too large): retrying cannot help. */
export class WhisperRejectedError extends WhisperError {
	override readonly name = 'WhisperRejectedError';

	constructor(message: string, status: number) {
		super(message, status);
	}
}

/**
 * The error for a non-2xx reply: unavailable (408, 429, 5xx) or rejected (any other 4xx: in
 * practice the audio), as upstreamFailure rules for every service we call.
 */
export function errorForStatus(service: string, response: Response, body: string): WhisperError {
	const failure = upstreamFailure(service, response, detailOf(body));
	if (failure.kind === 'rejected') return new WhisperRejectedError(failure.message, failure.status);
	return new WhisperUnavailableError(failure.message, { status: failure.status, retryAfterSeconds: failure.retryAfterSeconds });
}

/** The reason from `{detail}` (whisper-asr-webservice) or `{error: {message}}` (OpenAI). */
function detailOf(body: string): string {
	try {
		const json: unknown = JSON.parse(body);
		if (json && typeof json === 'object') {
			if ('detail' in json) {
				return typeof json.detail === 'string' ? json.detail : JSON.stringify(json.detail);
			}
			if ('error' in json && json.error && typeof json.error === 'object') {
				if ('message' in json.error && typeof json.error.message === 'string') {
					return json.error.message;
				}
			}
		}
	} catch {
		// not JSON: fall through to the raw text
	}
	return body.slice(0, 300) || '(empty body)';
}
