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

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), if it has one. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
	if (!value) return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim());
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/**
 * The error for a non-2xx reply. 408, 429 and 5xx are transient; any other 4xx means the
 * request itself (in practice the audio) is refused.
 */
export function errorForStatus(service: string, response: Response, body: string): WhisperError {
	const { status } = response;
	const message = `${service} answered ${status}: ${detailOf(body)}`;
	if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
		return new WhisperRejectedError(message, status);
	}
	const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
	return new WhisperUnavailableError(message, { status, retryAfterSeconds });
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
