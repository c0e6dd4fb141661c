import { m } from '#lib/paraglide/messages';

/** A failed call to one of our endpoints, with the server's message. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

/** Answers that mean "the app process behind the load balancer went away", not "no". */
const GONE_STATUSES = new Set([502, 503, 504]);
const RETRY_AFTER_MS = 300;

/**
 * fetch for requests that are safe to repeat (GET, HEAD): when the network fails or the
 * load balancer answers that the app process died mid-request, it asks once more — the
 * balancer sends the second try to another process. Anything else is returned as is.
 * Requests that change something are never repeated here.
 */
export async function fetchIdempotent(url: string, init: RequestInit = {}, retryAfterMs = RETRY_AFTER_MS): Promise<Response> {
	const method = (init.method ?? 'GET').toUpperCase();
	if (method !== 'GET' && method !== 'HEAD') throw new Error(`fetchIdempotent: ${method} is not idempotent`);
	try {
		const response = await fetch(url, init);
		if (!GONE_STATUSES.has(response.status)) return response;
	} catch {
		// the network: try once more below
	}
	await new Promise((resolve) => setTimeout(resolve, retryAfterMs));
	return fetch(url, init);
}

/** Sends a request: GETs through fetchIdempotent (asked again once when the app process went away), others once. */
export async function send(url: string, init: RequestInit = {}): Promise<Response> {
	try {
		const method = (init.method ?? 'GET').toUpperCase();
		return await (method === 'GET' ? fetchIdempotent(url, { cache: 'no-store', ...init }) : fetch(url, init));
	} catch {
		throw new ApiError(0, m.call_cannot_reach_stoom());
	}
}

/** A JSON call: the answer's body, or an ApiError with the server's message. */
export async function callJson<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
	const response = await send(url, method === 'GET' ? {} : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
	const payload = await response.json().catch(() => ({}));
	if (!response.ok) throw new ApiError(response.status, (payload as { message?: string }).message ?? m.call_request_failed({ status: response.status }));
	return payload as T;
}
