/**
 * The `data` of each event of a server-sent event stream (the WHATWG rules: lines end in
 * \n, \r\n or \r; a blank line ends an event; several `data:` lines join with \n; `:` lines
 * are comments; other fields are ignored). Chunks may split anywhere, even inside a line
 * or a multi-byte character.
 */
export async function* sseData(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
	const decoder = new TextDecoder();
	let buffer = '';
	let data: string[] = [];
	const lines = function* (final: boolean): Generator<string> {
		for (;;) {
			const end = /\r\n|\r|\n/.exec(buffer);
			// A lone \r at the end of a chunk may be the first half of \r\n: wait for the next chunk.
			if (!end || (!final && end[0] === '\r' && end.index === buffer.length - 1)) return;
			yield buffer.slice(0, end.index);
			buffer = buffer.slice(end.index + end[0].length);
		}
	};
	const take = (line: string): string | null => {
		if (line === '') {
			const event = data.length ? data.join('\n') : null;
			data = [];
			return event;
		}
		if (line.startsWith(':')) return null;
		const colon = line.indexOf(':');
		const field = colon < 0 ? line : line.slice(0, colon);
		let value = colon < 0 ? '' : line.slice(colon + 1);
		if (value.startsWith(' ')) value = value.slice(1);
		if (field === 'data') data.push(value);
		return null;
	};
	for await (const chunk of chunks) {
		buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
		for (const line of lines(false)) {
			const event = take(line);
			if (event !== null) yield event;
		}
	}
	buffer += decoder.decode();
	for (const line of lines(true)) {
		const event = take(line);
		if (event !== null) yield event;
	}
	// A stream that ends without the final blank line still delivers its last event.
	if (buffer) take(buffer);
	if (data.length) yield data.join('\n');
}
