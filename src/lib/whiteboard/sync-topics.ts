/** LiveKit data topics of the whiteboard. */

/** Yjs updates, batched: between browsers that may draw, and from the server (a clear by the host). */
export const WHITEBOARD_TOPIC = 'wb';
/** Cursors and names (y-protocols awareness), lossy. */
export const WHITEBOARD_AWARENESS_TOPIC = 'wb-awareness';
/** The server: the host switched the board to view-only or back. */
export const WHITEBOARD_MODE_TOPIC = 'wb-mode';

export interface BoardModeEvent {
	viewOnly: boolean;
}
