import type { Room } from 'livekit-client';

const settling = new WeakMap<Room, Promise<unknown>>();

/**
 * The room's join is under way until `until` settles: what asks `joinSettled` meanwhile waits
 * for it. Set before the connect, so the room's `Connected` listeners already find it.
 */
export function settleJoinAfter(room: Room, until: Promise<unknown>): void {
	settling.set(room, until);
}

/**
 * Resolves once the room's join has settled — the first remote video played, or the wait for
 * it ended (see first-remote-video.ts) — and at once when no join is under way. The call's
 * own loads (chat history, record state, who presents) wait for it: fetched at `Connected`
 * they took the page's main thread and the server's CPU in the very stretch where the first
 * remote frame is decoded and shown, on a loaded machine. A reconnect does not wait.
 */
export function joinSettled(room: Room): Promise<void> {
	const until = settling.get(room);
	return until ? until.then(() => undefined, () => undefined) : Promise.resolve();
}
