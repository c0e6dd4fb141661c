import type { Presenter, ScreenShareEvent } from '../../screen-share/events';
export type { Presenter, ScreenShareEvent };

/** The participant asking to change the lock, as far as the rules care. */
export interface Actor {
	participantId: string;
	roomId: string;
	/** LiveKit told us this participant left and has not rejoined since. */
	left: boolean;
}

export type StartDecision = { ok: true } | { ok: false; reason: 'not_joined' | 'left' };

/** Anyone in the room may start sharing; a share in progress is taken over, never queued. */
export function mayStart(actor: Actor | undefined, roomId: string): StartDecision {
	if (!actor || actor.roomId !== roomId) return { ok: false, reason: 'not_joined' };
	if (actor.left) return { ok: false, reason: 'left' };
	return { ok: true };
}

/** Only the holder releases by "stop"; the host releases whoever holds it. */
export function mayRelease(holderId: string | null, by: { participantId: string } | 'host'): boolean {
	if (holderId === null) return false;
	return by === 'host' || by.participantId === holderId;
}

/**
 * The event a change of the lock produces. `previous` is who held it just before this
 * change; taking over from oneself (a second "start") is a plain start.
 */
export function eventFor(
	change: { holder: Presenter | null; previous: Presenter | null; fence: number },
	reason?: ScreenShareEvent['reason']
): ScreenShareEvent {
	const { holder, fence } = change;
	const previous = change.previous && change.previous.identity !== holder?.identity ? change.previous : null;
	if (!holder) return { type: 'stopped', holder: null, previous, fence, ...(reason ? { reason } : {}) };
	return { type: previous ? 'takeover' : 'started', holder, previous, fence };
}

/** A release marked pending (share gone from LiveKit) becomes final after the grace period. */
export function releaseDue(pendingSince: Date | null, now: Date, graceMs: number): boolean {
	return pendingSince !== null && now.getTime() - pendingSince.getTime() >= graceMs;
}
