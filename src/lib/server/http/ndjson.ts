/**
 * A streamed answer of newline-delimited JSON: each event of `events`, mapped, as one line,
 * written as it is produced. When the reader goes away, `abort` is aborted and the sequence
 * is ended; an exception mid-way is logged and answered with `onError`'s line, then the end.
 */
export function ndjsonResponse<E>(
	events: AsyncGenerator<E>,
	{ map = (e: E) => e as unknown, onError, abort }: { map?: (event: E) => unknown; onError: (error: unknown) => unknown; abort: AbortController }
): Response {
	const encoder = new TextEncoder();
	const line = (value: unknown) => encoder.encode(`${JSON.stringify(value)}\n`);
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const next = await events.next();
				if (next.done) return controller.close();
				controller.enqueue(line(map(next.value)));
			} catch (error) {
				if (abort.signal.aborted) return;
				console.error('A streamed answer failed', error);
				controller.enqueue(line(onError(error)));
				controller.close();
			}
		},
		async cancel(reason) {
			abort.abort(reason);
			await events.return(undefined).catch(() => undefined);
		}
	});
	return new Response(body, {
		headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' }
	});
}
