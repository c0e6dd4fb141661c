import type { Room } from 'livekit-client';

const settling = new WeakMap<Room, Promise<void>>();

/**
 * Marks the room's join as under way: what asks `joinSettled` waits until the returned
 * function is called (the join settled: connected and the first remote video seen, or it
 * failed). Call it before the connect, so the room's `Connected` listeners already find it.
 */
export function joinUnderWay(room: Room): () => void {
	let settle!: () => void;
	settling.set(room, new Promise<void>((resolve) => (settle = resolve)));
	return settle;
}

/**
 * Resolves once the room's join has settled — the first remote video played, or the wait for
 * it ended (see first-remote-video.ts) — and at once when no join is under way. The call's
 * own loads (chat history, record state, who presents) wait for it: fetched at `Connected`
 * they took the page's main thread and the server's CPU in the very stretch where the first
 * remote frame is decoded and shown, on a loaded machine. A reconnect does not wait.
 */
export function joinSettled(room: Room): Promise<void> {
	return settling.get(room) ?? Promise.resolve();
}
