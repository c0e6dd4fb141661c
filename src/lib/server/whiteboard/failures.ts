import { m } from '#lib/paraglide/messages';
import type { UpdateRefusal } from '../../whiteboard/board-updates';
import type { FailureEntry, FailureTable } from '../http/failures';

/** A change the board's rules refuse, named by its reason (a code, left as it is in every language). */
const refused = (reason: string): FailureEntry => [422, () => m.server_board_refused({ reason })];

/** How the board answers a change it does not take (a change it lacks the base of is answered with the server's state vector instead). */
export const BOARD_FAILURES: FailureTable<Exclude<UpdateRefusal, 'missing-dependencies'> | 'stored-board-too-large' | 'view_only' | 'rate_limited' | 'too_large' | 'empty' | 'ended'> = {
	view_only: [403, () => m.server_board_view_only()],
	rate_limited: [429, (f) => m.server_board_too_fast({ seconds: f.retryAfterSeconds ?? 1 })],
	too_large: [413, () => m.server_board_change_too_large()],
	empty: [400, () => m.server_board_empty()],
	ended: [409, () => m.server_board_ended()],
	'update-too-large': refused('update-too-large'),
	malformed: refused('malformed'),
	'foreign-content': refused('foreign-content'),
	'invalid-shape': refused('invalid-shape'),
	'too-many-shapes': refused('too-many-shapes'),
	'too-many-shapes-of-yours': refused('too-many-shapes-of-yours'),
	'board-too-large': refused('board-too-large'),
	'stored-board-too-large': refused('stored-board-too-large')
};
