import type { UpdateRefusal } from '../../whiteboard/board-updates';
import type { FailureTable } from '../http/failures';

/** How the board answers a change it does not take (a change it lacks the base of is answered with the server's state vector instead). */
export const BOARD_FAILURES: FailureTable<Exclude<UpdateRefusal, 'missing-dependencies'> | 'stored-board-too-large' | 'view_only' | 'rate_limited' | 'too_large' | 'empty' | 'ended'> = {
	view_only: [403, 'The host has made the board view-only.'],
	rate_limited: [429, (f) => `You are changing the board too fast. Try again in ${f.retryAfterSeconds} s.`],
	too_large: [413, 'That change is too large for the board.'],
	empty: [400, 'Send the board change as the request body.'],
	ended: [409, 'The meeting has ended.'],
	'update-too-large': [422, 'The board refused that change (update-too-large).'],
	malformed: [422, 'The board refused that change (malformed).'],
	'foreign-content': [422, 'The board refused that change (foreign-content).'],
	'invalid-shape': [422, 'The board refused that change (invalid-shape).'],
	'too-many-shapes': [422, 'The board refused that change (too-many-shapes).'],
	'too-many-shapes-of-yours': [422, 'The board refused that change (too-many-shapes-of-yours).'],
	'board-too-large': [422, 'The board refused that change (board-too-large).'],
	'stored-board-too-large': [422, 'The board refused that change (stored-board-too-large).']
};
