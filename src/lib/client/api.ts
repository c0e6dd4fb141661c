/** A failed call to one of our JSON endpoints, with the server's message. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

/** POSTs JSON to a Stoom procedure and returns its typed answer. */
export async function postJson<T>(url: string, body: unknown = {}): Promise<T> {
	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	} catch {
		throw new ApiError(0, 'Cannot reach Stoom. Check your connection.');
	}
	const payload = await response.json().catch(() => ({}));
	if (!response.ok) throw new ApiError(response.status, payload.message ?? `Request failed (${response.status})`);
	return payload as T;
}
