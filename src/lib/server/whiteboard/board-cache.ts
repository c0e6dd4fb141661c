import type * as Y from 'yjs';

/**
 * The boards this process wrote last, decoded, with the stored version each matches. A
 * change is checked by applying it to the board as stored; decoding the stored board for
 * every change (a stroke sends ~20 a second) would cost the whole board each time. Another
 * process's write changes the stored version, and the next change decodes afresh.
 */
export interface BoardCache {
	/** The board of `sessionId` when it is cached at exactly `version`. */
	take(sessionId: string, version: string): Y.Doc | undefined;
	put(sessionId: string, version: string, doc: Y.Doc): void;
	drop(sessionId: string): void;
}

export function createBoardCache(maxBoards = 32, idleMs = 10 * 60_000): BoardCache {
	const boards = new Map<string, { version: string; doc: Y.Doc; usedAt: number }>();
	return {
		take(sessionId, version) {
			const entry = boards.get(sessionId);
			if (!entry || entry.version !== version || Date.now() - entry.usedAt > idleMs) return undefined;
			return entry.doc;
		},
		put(sessionId, version, doc) {
			boards.delete(sessionId); // re-inserted last: the Map's order is the least recently used first
			boards.set(sessionId, { version, doc, usedAt: Date.now() });
			for (const [id, entry] of boards) {
				if (boards.size <= maxBoards && Date.now() - entry.usedAt <= idleMs) break;
				boards.delete(id);
				entry.doc.destroy();
			}
		},
		drop(sessionId) {
			boards.get(sessionId)?.doc.destroy();
			boards.delete(sessionId);
		}
	};
}

let shared: BoardCache | undefined;

/** This process's cache. */
export function boardCache(): BoardCache {
	shared ??= createBoardCache();
	return shared;
}
