/**
 * The values of a newline-delimited JSON stream (Ask's answer), as its chunks arrive: a chunk
 * may end mid-line or mid-character; blank lines are skipped; a last line without its newline
 * still counts. A line that is not JSON throws (the stream is ours: a broken line is a bug or
 * a cut connection, not something to guess around).
 */
export async function* ndjsonValues(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<unknown> {
	const decoder = new TextDecoder();
	let buffer = '';
	for await (const chunk of chunks) {
		buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
		let end: number;
		while ((end = buffer.indexOf('\n')) >= 0) {
			const line = buffer.slice(0, end).trim();
			buffer = buffer.slice(end + 1);
			if (line) yield JSON.parse(line);
		}
	}
	buffer += decoder.decode();
	if (buffer.trim()) yield JSON.parse(buffer.trim());
}

/** A fetch body as an async iterable (Chromium and Firefox iterate ReadableStream; Safari needs the reader). */
export async function* bodyChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}
