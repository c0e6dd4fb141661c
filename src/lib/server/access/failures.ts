import { m } from '#lib/paraglide/messages';
import { ON_PAGE, type FailureEntry, type FailureTable } from '../http/failures';
import { DENIAL_MESSAGES, type Denial } from './room-rules';

const denials = Object.fromEntries(Object.entries(DENIAL_MESSAGES).map(([reason, message]): [string, FailureEntry] => [reason, [403, message]])) as Record<Denial, FailureEntry>;

/** How the room's rules, the lobby and the hosts' controls answer a refusal. */
export const ACCESS_FAILURES: FailureTable<
	Denial | 'wrong_password' | 'name_taken' | 'livekit_unavailable' | 'rate_limited' | 'not_in_room' | 'is_host' | 'not_allowed'
> = {
	...denials,
	wrong_password: [400, () => m.server_wrong_password(), 'password'],
	name_taken: [400, () => m.server_name_taken(), 'displayName'],
	livekit_unavailable: [503, () => m.server_livekit_unavailable(), ON_PAGE],
	rate_limited: [429, (f) => m.server_too_many_attempts({ seconds: f.retryAfterSeconds ?? 1 })],
	not_in_room: [404, () => m.server_not_in_room()],
	is_host: [409, () => m.server_is_host()],
	not_allowed: [403, () => m.server_not_allowed()]
};
