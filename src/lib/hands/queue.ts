/**
 * Raised hands: the queue every browser shows, in the order hands went up. The server keeps it
 * (a POST through the room policy, like chat) and broadcasts the whole queue after each change,
 * with a version from one database sequence: a browser keeps the newest it has seen, whatever
 * order the broadcasts and its own load arrive in. Pure.
 */

/** The LiveKit data topic the server broadcasts the queue on. */
export const HANDS_TOPIC = 'hands';

export interface RaisedHand {
	identity: string;
	name: string;
	/** ISO 8601 */
	raisedAt: string;
}

export interface HandQueue {
	/** Grows with every change in the database (0: none seen yet). */
	version: number;
	/** Raised hands, first raised first. */
	hands: RaisedHand[];
}

export const EMPTY_QUEUE: HandQueue = { version: 0, hands: [] };

/** The queue to show: `incoming` when it is newer than what the browser has. */
export function newestQueue(current: HandQueue, incoming: HandQueue): HandQueue {
	return incoming.version > current.version ? incoming : current;
}

/**
 * The hands to show: those of people in the call now (a hand whose owner is reloading comes back
 * with them; the server drops it if they do not), first raised first.
 */
export function handsPresent(queue: HandQueue, present: ReadonlySet<string>): RaisedHand[] {
	return queue.hands.filter((hand) => present.has(hand.identity));
}

/** Each hand's place in the list shown, from 1. */
export function handPositions(hands: readonly RaisedHand[]): Map<string, number> {
	return new Map(hands.map((hand, i) => [hand.identity, i + 1]));
}

/** A queue as it came over the wire, or null when it is not one. */
export function parseHandQueue(value: unknown): HandQueue | null {
	if (typeof value !== 'object' || value === null) return null;
	const { version, hands } = value as { version?: unknown; hands?: unknown };
	if (typeof version !== 'number' || !Array.isArray(hands)) return null;
	const valid = hands.every(
		(h) => typeof h === 'object' && h !== null && typeof h.identity === 'string' && typeof h.name === 'string' && typeof h.raisedAt === 'string'
	);
	return valid ? { version, hands: hands as RaisedHand[] } : null;
}
