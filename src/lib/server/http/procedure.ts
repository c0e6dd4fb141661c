import { error, json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '#lib/paraglide/messages';
import { describeFailure, isFailure, type Failure, type FailureTable } from './failures';

/** Largest JSON body a procedure accepts. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * A typed endpoint. Its types ride along for the browser's API client (`lib/client/api.ts`
 * infers what it sends and gets back from them); at run time it is a plain request handler.
 */
export type Procedure<Input, Output> = RequestHandler & { readonly types?: { input: Input; output: Output } };

/** A procedure's handler: the parsed input in, the answer (or one of its failures) out. */
export type Handler<Input, Output, Reason extends string> = (args: { input: Input; event: RequestEvent }) => Promise<Output | Failure<Reason>>;

/**
 * A typed, zod-validated JSON endpoint ("tRPC-style"): a route names its input, calls one
 * service and names the failure table its failures are answered from. Parses and validates
 * the body (400 with the reasons), answers the handler's result as JSON, or its failure as the
 * table says (`{ message }`, the status, `Retry-After` for `rate_limited`).
 */
export function procedure<Schema extends z.ZodType, Output, Reason extends string = never>(
	input: Schema,
	handler: Handler<z.infer<Schema>, Output, Reason>,
	failures?: FailureTable<Reason>
): Procedure<z.input<Schema>, Output> {
	return async (event) => {
		const text = await event.request.text();
		if (text.length > MAX_BODY_BYTES) error(413, m.server_body_too_large());
		let body: unknown = {};
		if (text.trim()) {
			try {
				body = JSON.parse(text);
			} catch {
				error(400, m.server_body_not_json());
			}
		}
		return answer(await handler({ input: parsed(input, body, 'body'), event }), failures);
	};
}

/**
 * A typed GET endpoint: the input is the query string (validated the same way), the answer is
 * never cached.
 */
export function query<Schema extends z.ZodType, Output, Reason extends string = never>(
	input: Schema,
	handler: Handler<z.infer<Schema>, Output, Reason>,
	failures?: FailureTable<Reason>
): Procedure<z.input<Schema>, Output> {
	return async (event) => {
		const response = answer(await handler({ input: parsed(input, Object.fromEntries(event.url.searchParams), 'query'), event }), failures);
		response.headers.set('cache-control', 'no-store');
		return response;
	};
}

function parsed<Schema extends z.ZodType>(schema: Schema, value: unknown, where: string): z.infer<Schema> {
	const result = schema.safeParse(value);
	if (!result.success) error(400, result.error.issues.map((i) => `${i.path.join('.') || where}: ${i.message}`).join('; '));
	return result.data;
}

function answer<Output>(result: Output | Failure, failures: Partial<FailureTable<string>> = {}): Response {
	// A handler may answer with a Response of its own: a stream (Ask's NDJSON).
	if (result instanceof Response) return result;
	if (!isFailure(result)) return json(result);
	const { status, message, headers } = describeFailure(result, failures);
	return json({ message }, { status, headers });
}
