/** How one attempt to send a delivery ended. */
export type AttemptResult =
	| { kind: 'response'; status: number }
	| { kind: 'network'; error: string }
	| { kind: 'timeout' }
	/** The target was refused before sending (it resolved to a private address). */
	| { kind: 'refused'; error: string };

/** What the attempt means for the delivery: sent, try again later, or give up. */
export type AttemptDecision = 'delivered' | 'retry' | 'failed';

/**
 * A 2xx is delivered. A receiver that is down, slow, overloaded or rate-limiting (network
 * errors, timeouts, 5xx, 429) is tried again until the last attempt; any other answer (a 3xx:
 * redirects are not followed; a 4xx: the receiver refuses it) and a refused target fail at once.
 */
export function decideAttempt(result: AttemptResult, lastAttempt: boolean): AttemptDecision {
	if (result.kind === 'response' && result.status >= 200 && result.status < 300) return 'delivered';
	const transient = result.kind === 'network' || result.kind === 'timeout' || (result.kind === 'response' && (result.status === 429 || result.status >= 500));
	return transient && !lastAttempt ? 'retry' : 'failed';
}

/** What the log shows for a failed attempt: short, and never the URL (it may hold a token). */
export function attemptError(result: AttemptResult): string | null {
	switch (result.kind) {
		case 'response':
			return result.status >= 200 && result.status < 300 ? null : `HTTP ${result.status}`;
		case 'timeout':
			return 'timed out';
		case 'network':
		case 'refused':
			return result.error.slice(0, 200);
	}
}

/**
 * When pg-boss tries again at the earliest, after attempt `retryCount` (0 the first): its
 * exponential backoff waits between delay·2^n and twice that, capped at `maxSeconds`.
 */
export function nextAttemptAt(now: Date, retryCount: number, delaySeconds: number, maxSeconds: number): Date {
	const seconds = Math.min(maxSeconds, Math.max(delaySeconds, 1) * 2 ** Math.min(16, retryCount));
	return new Date(now.getTime() + seconds * 1000);
}
