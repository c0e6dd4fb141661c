import type { FailureTable } from '../http/failures';

/** How reactions answer what they refuse. */
export const REACTION_FAILURES: FailureTable<'reactions_off' | 'rate_limited' | 'unavailable'> = {
	reactions_off: [403, 'The host turned reactions off in this meeting'],
	rate_limited: [429, (f) => `Too many reactions. Try again in ${f.retryAfterSeconds} s.`],
	unavailable: [503, 'The meeting server did not take the reaction. Try again.']
};
