import type { ReconnectContext, ReconnectPolicy } from 'livekit-client';

/**
 * When livekit-client tries to reconnect again after a lost connection, in ms (null: give up).
 *
 * LiveKit's default waits 0, 0.3, 1.2, 2.7, 4.8 then 7 s between attempts. When a media node
 * dies, the surviving node takes the room only once the dead node's heartbeat is 5 s old, so
 * the attempts in the first seconds are refused and the default's next one comes ~9 s after
 * the loss. Trying every second instead puts people back within a second of the room being
 * movable. After 30 s it backs off; after a minute it gives up (the page offers a rejoin).
 * A little jitter spreads out a room whose people all lost the node at once. Pure.
 */
export function retryDelayMs(retryCount: number, elapsedMs: number, jitter = Math.random()): number | null {
	if (elapsedMs >= 60_000) return null;
	const base = retryCount === 0 ? 0 : retryCount === 1 ? 300 : elapsedMs < 30_000 ? 1_000 : 3_000;
	return Math.round(base + jitter * (retryCount === 0 ? 300 : base * 0.2));
}

export const reconnectPolicy: ReconnectPolicy = {
	nextRetryDelayInMs: (context: ReconnectContext) => retryDelayMs(context.retryCount, context.elapsedMs)
};
