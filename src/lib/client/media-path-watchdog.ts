import { ConnectionState, type Room } from 'livekit-client';

/** A media connection 'disconnected' this long, while the room says connected, is taken as lost. */
export const STALLED_MS = 1_000;
const CHECK_EVERY_MS = 500;

/**
 * When did the media path stall: the time it was first seen down (kept while it stays
 * down), or null while every connection is up. Pure, for the watchdog below.
 */
export function stalledSince(previous: number | null, states: readonly RTCPeerConnectionState[], now: number): number | null {
	const down = states.some((s) => s === 'disconnected' || s === 'failed');
	if (!down) return null;
	return previous ?? now;
}

/** Whether a stall has lasted long enough to reconnect. */
export function isStalled(since: number | null, now: number, stalledMs = STALLED_MS): boolean {
	return since !== null && now - since >= stalledMs;
}

/**
 * When the livekit-server node that carries our media dies, our signalling may live on
 * through another node of the cluster, and Chrome keeps the peer connection 'disconnected'
 * for half a minute before 'failed' (when livekit-client would reconnect by itself). A
 * connection down for STALLED_MS while the room says connected is treated as failed: a full
 * reconnect, which LiveKit routes to a node that is alive. Returns the cleanup.
 */
export function watchMediaPath(room: Room, stalledMs = STALLED_MS): () => void {
	let since: number | null = null;
	const timer = setInterval(() => {
		const transports = room.engine?.pcManager;
		if (room.state !== ConnectionState.Connected || !transports) {
			since = null;
			return;
		}
		const states = [transports.publisher, transports.subscriber].flatMap((t) => (t ? [t.getConnectionState()] : []));
		const now = Date.now();
		since = stalledSince(since, states, now);
		if (!isStalled(since, now, stalledMs)) return;
		since = null;
		console.warn('media connection lost: reconnecting');
		// livekit-client's own full reconnect (new transports, same token), as after 'failed'.
		void room.simulateScenario('full-reconnect').catch(() => undefined);
	}, CHECK_EVERY_MS);
	return () => clearInterval(timer);
}
