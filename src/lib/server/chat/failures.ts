import { CHAT_MAX_LENGTH } from '../../chat/message';
import type { FailureTable } from '../http/failures';

/** How chat answers what it refuses. */
export const CHAT_FAILURES: FailureTable<'empty' | 'too_long' | 'rate_limited'> = {
	empty: [400, 'Type a message first'],
	too_long: [400, `That message is too long: keep it to ${CHAT_MAX_LENGTH} characters`],
	rate_limited: [429, 'You are sending messages too fast. Wait a moment and try again.']
};
