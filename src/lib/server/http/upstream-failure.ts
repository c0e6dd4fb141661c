/**
 * What a non-2xx answer from a service we call (the Whisper service, a model server) means
 * for the caller. Each domain wraps it in its own error classes; only the rule lives here.
 */
export type UpstreamFailure =
	/** The request itself is refused: retrying it cannot help. */
	| { kind: 'rejected'; status: number; message: string }
	/** The service cannot answer now: worth retrying, no sooner than `retryAfterSeconds`. */
	| { kind: 'unavailable'; status: number; message: string; retryAfterSeconds: number | undefined };

/**
 * Reads a non-2xx answer: 408, 429 and 5xx are transient, any other 4xx refuses the request
 * for good. `reason` is what the service said, read from its body by the caller (each
 * service words its errors in its own JSON); the message is `<service> answered <status>: <reason>`.
 */
export function upstreamFailure(service: string, response: Response, reason: string): UpstreamFailure {
	const { status } = response;
	const message = `${service} answered ${status}: ${reason}`;
	if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
		return { kind: 'rejected', status, message };
	}
	const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
	return { kind: 'unavailable', status, message, retryAfterSeconds };
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), if it has one. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
	if (!value) return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim());
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
