import { m } from '#lib/paraglide/messages';
import type { FailureTable } from '../http/failures';

/** How reactions answer what they refuse. */
export const REACTION_FAILURES: FailureTable<'reactions_off' | 'rate_limited' | 'unavailable'> = {
	reactions_off: [403, () => m.server_reactions_off()],
	rate_limited: [429, (f) => m.server_reactions_too_many({ seconds: f.retryAfterSeconds ?? 1 })],
	unavailable: [503, () => m.server_reaction_unavailable()]
};
