import { error, json, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import type { z } from 'zod';

/** Largest JSON body a procedure accepts. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * A typed, zod-validated JSON endpoint ("tRPC-style"): parses and validates the body,
 * runs the handler, answers JSON. Handlers signal expected failures with `error(status, msg)`.
 */
export function procedure<Schema extends z.ZodType, Output>(
	input: Schema,
	handler: (args: { input: z.infer<Schema>; event: RequestEvent }) => Promise<Output>
): RequestHandler {
	return async (event) => {
		const text = await event.request.text();
		if (text.length > MAX_BODY_BYTES) error(413, 'Request body is too large');
		let body: unknown = {};
		if (text.trim()) {
			try {
				body = JSON.parse(text);
			} catch {
				error(400, 'Request body must be JSON');
			}
		}
		const parsed = input.safeParse(body);
		if (!parsed.success) {
			error(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
		}
		return json(await handler({ input: parsed.data, event }));
	};
}
