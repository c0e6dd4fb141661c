import { m } from '#lib/paraglide/messages';
import type { FailureTable } from '../http/failures';

/** How raised hands answer what they refuse. */
export const HAND_FAILURES: FailureTable<'forbidden' | 'rate_limited'> = {
	forbidden: [403, () => m.server_hand_forbidden()],
	rate_limited: [429, (f) => m.server_hand_too_often({ seconds: f.retryAfterSeconds ?? 1 })]
};
