import { m } from '#lib/paraglide/messages';
import type { FailureTable } from '../http/failures';

/** How the screen-share lock answers what it refuses. */
export const SCREEN_SHARE_FAILURES: FailureTable<'not_joined' | 'left'> = {
	not_joined: [403, () => m.server_share_not_joined()],
	left: [409, () => m.server_share_left()]
};
