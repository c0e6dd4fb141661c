import { ON_PAGE, type FailureTable } from '../http/failures';
import { DENIAL_MESSAGES, type Denial } from './room-rules';

const denials = Object.fromEntries(Object.entries(DENIAL_MESSAGES).map(([reason, message]) => [reason, [403, message] as const])) as { [K in Denial]: readonly [403, string] };

/** How the room's rules, the lobby and the hosts' controls answer a refusal. */
export const ACCESS_FAILURES: FailureTable<
	Denial | 'wrong_password' | 'name_taken' | 'livekit_unavailable' | 'rate_limited' | 'not_in_room' | 'is_host' | 'not_allowed'
> = {
	...denials,
	wrong_password: [400, 'Wrong password. Ask the host for it.', 'password'],
	name_taken: [400, 'That is the name of a host of this meeting. Choose another.', 'displayName'],
	livekit_unavailable: [503, 'The meeting server is unreachable right now. Try again in a moment.', ON_PAGE],
	rate_limited: [429, (f) => `Too many attempts. Try again in ${f.retryAfterSeconds} s.`],
	not_in_room: [404, 'That person is not in the meeting'],
	is_host: [409, 'A host cannot be removed or made co-host'],
	not_allowed: [403, 'A co-host can remove guests only']
};
