import { m } from '#lib/paraglide/messages';

/**
 * Expected failures, answered the same way everywhere: a service returns a `Failure` with a
 * reason; its domain's `FailureTable` says the HTTP status and what the person reads. A spent
 * allowance (`rate_limited`) is always a 429 with `Retry-After`.
 */

/** What a service answers when the request cannot be done for a reason the person may act on. */
export interface Failure<R extends string = string> {
	ok: false;
	reason: R;
	/** With `rate_limited`: seconds until the allowance comes back. */
	retryAfterSeconds?: number;
}

/** A function is read when the failure is answered, so it speaks the request's language. */
export type FailureMessage = string | ((failure: Failure) => string);

/** As an entry's field: a form failure shown as an error page instead of beside the form. */
export const ON_PAGE = '@page';

/** One entry: the status, the message, and (forms) the field it belongs to, or ON_PAGE. */
export type FailureEntry = readonly [status: number, message: FailureMessage, field?: string];

/** How each reason a domain's services give is answered. */
export type FailureTable<R extends string> = { readonly [K in R]: FailureEntry };

export function isFailure(value: unknown): value is Failure {
	return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false && typeof (value as { reason?: unknown }).reason === 'string';
}

/** The answer to one failure: status, message, field and headers. */
export interface FailureAnswer {
	status: number;
	message: string;
	field?: string;
	headers: Record<string, string>;
}

const TOO_MANY: FailureEntry = [429, (f) => m.server_too_many_requests({ seconds: f.retryAfterSeconds ?? 1 })];

/** How `failure` is answered by `table` (a reason the table lacks is a server error: a bug, said so). */
export function describeFailure(failure: Failure, table: Partial<Record<string, FailureEntry>>): FailureAnswer {
	const entry = table[failure.reason] ?? (failure.reason === 'rate_limited' ? TOO_MANY : undefined);
	if (!entry) return { status: 500, message: m.server_unexpected_failure({ reason: failure.reason }), headers: {} };
	const [status, message, field] = entry;
	const headers: Record<string, string> = status === 429 ? { 'retry-after': String(Math.max(1, failure.retryAfterSeconds ?? 1)) } : {};
	return { status, message: typeof message === 'function' ? message(failure) : message, ...(field ? { field } : {}), headers };
}
