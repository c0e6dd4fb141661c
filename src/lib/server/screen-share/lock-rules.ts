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

/** The two grace periods of a release marked pending (the share gone from LiveKit). */
export interface ReleaseGrace {
	/** A holder still in the room whose screen is gone (a reconnect unpublishes briefly). */
	shareMs: number;
	/** A holder gone from the room without leaving: their media node died, their network dropped. */
	returnMs: number;
}

/** A pending release can be due only once the shorter grace has passed: before that, LiveKit need not be asked. */
export function releaseCheckDue(since: Date | null, now: Date, grace: ReleaseGrace): boolean {
	return since !== null && now.getTime() - since.getTime() >= Math.min(grace.shareMs, grace.returnMs);
}

/** Where the lock's holder is in LiveKit when a pending release is checked. */
export type HolderInLivekit = 'sharing' | 'present' | 'absent';

/**
 * What a pending release comes to: `keep` the lock (the share is back, or nothing is
 * pending), `wait`, or `release`. A holder in the room without a screen is released after the
 * short grace; one not in the room at all may be reconnecting (a failover takes ~10 s) and
 * keeps the lock for the return grace, unless LiveKit said they left for good.
 */
export function releaseVerdict(
	pending: { since: Date | null; holder: HolderInLivekit; leftForGood: boolean },
	now: Date,
	grace: ReleaseGrace
): 'keep' | 'wait' | 'release' {
	if (pending.since === null || pending.holder === 'sharing') return 'keep';
	const waited = now.getTime() - pending.since.getTime();
	const needed = pending.holder === 'absent' && !pending.leftForGood ? grace.returnMs : grace.shareMs;
	return waited >= needed ? 'release' : 'wait';
}
