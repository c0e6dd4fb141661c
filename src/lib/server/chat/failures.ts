import { m } from '#lib/paraglide/messages';
import { CHAT_MAX_LENGTH } from '../../chat/message';
import type { FailureTable } from '../http/failures';

/** How chat answers what it refuses. */
export const CHAT_FAILURES: FailureTable<'empty' | 'too_long' | 'rate_limited'> = {
	empty: [400, () => m.server_chat_empty()],
	too_long: [400, () => m.server_chat_too_long({ max: CHAT_MAX_LENGTH })],
	rate_limited: [429, () => m.server_chat_too_fast()]
};
