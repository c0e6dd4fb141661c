import { m } from '#lib/paraglide/messages';
import type { FailureTable } from '../http/failures';

/** How making a room answers what it cannot do. */
export const ROOM_FAILURES: FailureTable<'rate_limited' | 'livekit_unavailable'> = {
	rate_limited: [429, (f) => m.server_rooms_too_many({ seconds: f.retryAfterSeconds ?? 1 })],
	livekit_unavailable: [503, () => m.server_livekit_unavailable()]
};
