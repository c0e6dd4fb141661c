import type { FailureTable } from '../http/failures';

/** How making a room answers what it cannot do. */
export const ROOM_FAILURES: FailureTable<'rate_limited' | 'livekit_unavailable'> = {
	rate_limited: [429, (f) => `You have started many meetings just now. Try again in ${f.retryAfterSeconds} s.`],
	livekit_unavailable: [503, 'The meeting server is unreachable right now. Try again in a moment.']
};
