import type { FailureTable } from '../http/failures';

/** How raised hands answer what they refuse. */
export const HAND_FAILURES: FailureTable<'forbidden' | 'rate_limited'> = {
	forbidden: [403, "Only the host or a co-host can lower someone else's hand"],
	rate_limited: [429, (f) => `You are raising and lowering your hand too often. Try again in ${f.retryAfterSeconds} s.`]
};
