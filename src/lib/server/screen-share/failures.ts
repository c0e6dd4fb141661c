import type { FailureTable } from '../http/failures';

/** How the screen-share lock answers what it refuses. */
export const SCREEN_SHARE_FAILURES: FailureTable<'not_joined' | 'left'> = {
	not_joined: [403, 'Join the meeting first'],
	left: [409, 'You are no longer in this meeting. Rejoin to present.']
};
