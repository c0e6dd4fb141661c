import { Agent } from 'undici';

const agents = new Map<number, Agent>();

/**
 * Request options for a service that may think for longer than fetch's own limits allow:
 * Node's fetch gives up after 300 s without response headers (or between two body chunks),
 * while a transcription or a local model's answer can take longer on a small machine. The
 * caller's AbortSignal (its timeout) is then the only limit. One connection pool per limit.
 */
export function slowAnswer(timeoutMs: number): RequestInit {
	let dispatcher = agents.get(timeoutMs);
	if (!dispatcher) {
		dispatcher = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
		agents.set(timeoutMs, dispatcher);
	}
	return { dispatcher } as RequestInit;
}
