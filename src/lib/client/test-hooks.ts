import type * as Y from 'yjs';
import { readShapes } from '../whiteboard/board-read';
import type { Shape } from '../whiteboard/shapes';

type TestWindow = Window & { __stoomBoard?: () => Shape[] };

/**
 * In a test build (STOOM_TEST_HOOKS=1, served to the browser tests and the whiteboard bench),
 * the board's shapes as `window.__stoomBoard()`, so a test can compare boards across browsers;
 * returns the cleanup. In the production build the flag is false and this is compiled away.
 */
export function exposeBoard(doc: Y.Doc): (() => void) | undefined {
	if (!__STOOM_TEST_HOOKS__) return;
	const w = window as TestWindow;
	w.__stoomBoard = () => readShapes(doc);
	return () => delete w.__stoomBoard;
}
