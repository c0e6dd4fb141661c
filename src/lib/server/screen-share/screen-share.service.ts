import { DataPacket_Kind, TrackSource } from 'livekit-server-sdk';
import type { AppContext } from '../app-context';
import type { Failure } from '../http/failures';
import type { Db } from '../db';
import type { Participant, Room } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { rightsFor, type Rights } from '../access/rights';
import { sessionRoles } from '../access/role.repository';
import { permissionMatches, publishRights, toPermission } from '../livekit/publish-rights';
import { participantMetadata } from '../livekit/token';
import { findOpenSession } from '../meetings/session.repository';
import { findRoomById } from '../rooms/room.repository';
import { findParticipant, findParticipantByIdentity } from '../rooms/participant.repository';
import { eventFor, mayRelease, mayStart, releaseCheckDue, releaseVerdict, type HolderInLivekit, type Presenter, type ScreenShareEvent } from './lock-rules';
import {
	clearReleasePending,
	findLock,
	lockApplies,
	markApplied,
	releaseLock,
	stampReleasePending,
	takeLock,
	type LockChange
} from './screen-share.repository';

/**
 * How long a vanished share keeps the lock before release: a reconnect unpublishes it
 * briefly, and after a media node's failover the holder's browser re-publishes it only once
 * its new connection is up — on a loaded 2-core CI machine more than 5 s after it rejoined,
 * when the lock was released under it. The presenter's own stop releases at once; this
 * grace only covers a browser that vanished without saying so.
 */
export const RELEASE_GRACE_MS = 15_000;
/**
 * How long a holder gone from LiveKit without leaving keeps the lock: a media node's failover
 * takes ~10 s (bench/failover.ts) and the browser retries every second for 30 s.
 */
export const RETURN_GRACE_MS = 30_000;
const GRACE = { shareMs: RELEASE_GRACE_MS, returnMs: RETURN_GRACE_MS };

export { SCREEN_SHARE_TOPIC } from '../../screen-share/events';
import { SCREEN_SHARE_TOPIC } from '../../screen-share/events';
import { isStandardParticipant } from '../livekit/participant-kind';


/** Who asks: a member of the room's current meeting (the route's guard checked that). */
export interface Sharer {
	room: Room;
	participant: Participant;
}

export type TakeOverResult = { ok: true; event: ScreenShareEvent } | { ok: false; reason: 'not_joined' | 'left' };

/**
 * "Start sharing": takes the room's lock (one atomic upsert that bumps the fence), moves
 * the screen_share permission in LiveKit to the caller, and tells everyone.
 */
export async function takeOver(ctx: AppContext, { room, participant }: Sharer): Promise<TakeOverResult> {
	const allowed = mayStart({ participantId: participant.id, roomId: participant.room_id, left: participant.left_at !== null }, room.id);
	if (!allowed.ok) return allowed;
	const change = await takeLock(ctx.db, room.id, participant.id);
	return { ok: true, event: await publish(ctx, room, change) };
}

/** The Present button: start (taking over) or stop presenting, as the caller; answers the change told to everyone (null: nothing changed). */
export async function present(ctx: AppContext, sharer: Sharer, start: boolean): Promise<{ event: ScreenShareEvent | null } | Failure<'not_joined' | 'left'>> {
	if (!start) return { event: await stopSharing(ctx, sharer) };
	const result = await takeOver(ctx, sharer);
	return result.ok ? { event: result.event } : result;
}

/** "Stop sharing" by the presenter; a no-op (null event) when the caller no longer holds the lock. */
export async function stopSharing(ctx: AppContext, { room, participant }: Sharer): Promise<ScreenShareEvent | null> {
	const lock = await findLock(ctx.db, room.id);
	if (!mayRelease(lock?.holder_id ?? null, { participantId: participant.id })) return null;
	const change = await releaseLock(ctx.db, room.id, { holderId: participant.id });
	return change ? publish(ctx, room, change) : null;
}

/** The host stops whoever is presenting. */
export async function releaseByHost(ctx: AppContext, room: Room): Promise<ScreenShareEvent | null> {
	const change = await releaseLock(ctx.db, room.id);
	return change ? publish(ctx, room, change, 'host') : null;
}

/** Who presents now, for late joiners; settles a release whose grace period has run out. */
export async function currentShare(ctx: AppContext, room: Room): Promise<{ holder: Presenter | null; fence: number }> {
	await settlePendingRelease(ctx, room);
	const lock = await findLock(ctx.db, room.id);
	return { holder: await presenter(ctx.db, lock?.holder_id ?? null), fence: Number(lock?.fence ?? 0) };
}

/**
 * LiveKit says the holder's share is gone (track_unpublished, participant_left, or the
 * reconcile no longer sees them). A reconnect also unpublishes briefly, so the lock is only
 * marked; it is released when the share has not come back after the grace period (longer
 * when the holder is gone from the room but did not leave: a failover). The mark lives in
 * PostgreSQL: if this process dies before its timers fire, the next read of the lock
 * (currentShare) settles it.
 */
export async function onShareGone(ctx: AppContext, room: Room, identity: string, { leftForGood = false } = {}): Promise<boolean> {
	const participant = await findParticipantByIdentity(ctx.db, identity);
	if (!participant || participant.room_id !== room.id) return false;
	const marked = await stampReleasePending(ctx.db, room.id, participant.id, 'unmarked');
	if (!marked && !leftForGood) return false;
	settleAfter(ctx, room, RELEASE_GRACE_MS, { leftForGood });
	if (!leftForGood) settleAfter(ctx, room, RETURN_GRACE_MS, { leftForGood });
	return marked;
}

/**
 * Someone rejoined (a reconnect to another media node): if they hold the lock and its release
 * is pending, the short grace to re-publish their screen counts from now, not from when they
 * vanished.
 */
export async function onParticipantReturned(ctx: AppContext, room: Room, identity: string): Promise<void> {
	const participant = await findParticipantByIdentity(ctx.db, identity);
	if (!participant || participant.room_id !== room.id) return;
	if (await stampReleasePending(ctx.db, room.id, participant.id, 'marked')) settleAfter(ctx, room, RELEASE_GRACE_MS);
}

/** Checks the pending release once `graceMs` has passed (a little after, so it is due). */
function settleAfter(ctx: AppContext, room: Room, graceMs: number, options: { leftForGood?: boolean } = {}): void {
	setTimeout(() => {
		settlePendingRelease(ctx, room, new Date(), options).catch((err) => console.error('screen-share release check failed', err));
	}, graceMs + 250).unref();
}

/** The holder published a screen again (after a reconnect): cancel a pending release. */
export async function onSharePublished(ctx: AppContext, room: Room, identity: string): Promise<void> {
	const participant = await findParticipantByIdentity(ctx.db, identity);
	if (participant && participant.room_id === room.id) await clearReleasePending(ctx.db, room.id, participant.id);
}

/**
 * Releases the lock if its pending mark has outlived its grace period (`releaseVerdict`) and
 * LiveKit shows no share; `leftForGood` when LiveKit said the holder left on purpose.
 */
export async function settlePendingRelease(
	ctx: AppContext,
	room: Room,
	now = new Date(),
	{ leftForGood = false } = {}
): Promise<ScreenShareEvent | null> {
	const lock = await findLock(ctx.db, room.id);
	// Not due yet: no need to ask LiveKit (every browser's reconnect reads the lock).
	if (!lock?.holder_id || !releaseCheckDue(lock.release_pending_at, now, GRACE)) return null;
	const holder = await findParticipant(ctx.db, lock.holder_id);
	const where = holder ? await holderInLivekit(ctx, room.code, holder.identity) : 'absent';
	const verdict = releaseVerdict({ since: lock.release_pending_at, holder: where, leftForGood }, now, GRACE);
	if (verdict === 'keep') await clearReleasePending(ctx.db, room.id, lock.holder_id);
	if (verdict !== 'release') return null;
	// Conditional on the fence: a takeover in the meantime wins.
	const change = await releaseLock(ctx.db, room.id, { holderId: lock.holder_id, fence: Number(lock.fence) });
	return change ? publish(ctx, room, change, 'left') : null;
}

/**
 * Makes LiveKit's permissions and role metadata equal the room's state (the lock, the board
 * mode, who is host or co-host), as the one rights rule (`rightsFor`) says, in fence order:
 * applies are serialized per room, each re-reads the newest holder, and one that finds its
 * fence already applied does nothing — so a slow, stale apply never overrides a newer one.
 * `force` re-checks everyone even when the fence was applied (someone joined with an old
 * token, a role or the board mode changed).
 */
export async function applyPermissions(ctx: AppContext, room: Room, force = false): Promise<void> {
	await inTransaction(ctx.db, async (trx) => {
		await lockApplies(trx, room.id);
		const lock = await findLock(trx, room.id);
		const fence = Number(lock?.fence ?? 0);
		if (!force && fence <= Number(lock?.applied_fence ?? 0)) return;
		const current = (await findRoomById(trx, room.id)) ?? room;
		const session = await findOpenSession(trx, room.id);
		const people = new Map((session ? await sessionRoles(trx, session.id) : []).map((p) => [p.identity, p]));
		const state = { whiteboardViewOnly: current.whiteboard_view_only, presenterId: lock?.holder_id ?? null };
		await syncLivekit(ctx, room.code, (identity) => {
			const person = people.get(identity);
			return rightsFor(state, { role: person?.role ?? 'guest', participantId: person?.id ?? null });
		});
		if (lock) await markApplied(trx, room.id, fence);
	});
}

/**
 * Makes every browser's LiveKit permission what the publish rule says for its rights (the
 * screen_share sources for the lock holder only, data for whoever may draw on the board) and
 * its metadata name its role.
 * LiveKit v1.13.5 unpublishes a live track whose source the new permission no longer allows
 * (ParticipantImpl.SetPermission → removePublishedTrack), so revoking ends the old share
 * even if its browser ignores our event; the integration spec checks this.
 */
async function syncLivekit(ctx: AppContext, code: string, rightsOf: (identity: string) => Rights): Promise<void> {
	const participants = await ctx.livekit.listParticipants(code);
	for (const p of participants) {
		if (!isStandardParticipant(p) || p.permission?.hidden || p.permission?.recorder) continue;
		const rights = rightsOf(p.identity);
		const wanted = toPermission(publishRights(rights));
		const metadata = participantMetadata(rights.role);
		if (permissionMatches(p.permission, wanted) && p.metadata === metadata) continue;
		try {
			await ctx.livekit.updateParticipant(code, p.identity, { permission: wanted, metadata });
		} catch (err) {
			// Left between the list and the update: nothing to revoke any more.
			console.warn(`screen-share: could not update ${p.identity}`, (err as Error).message);
		}
	}
}

async function holderInLivekit(ctx: AppContext, code: string, identity: string): Promise<HolderInLivekit> {
	try {
		const info = await ctx.livekit.getParticipant(code, identity);
		return info.tracks.some((t) => t.source === TrackSource.SCREEN_SHARE) ? 'sharing' : 'present';
	} catch {
		return 'absent'; // not in the room (or LiveKit unreachable: the return grace covers it)
	}
}

async function presenter(db: Db, participantId: string | null): Promise<Presenter | null> {
	const participant = participantId ? await findParticipant(db, participantId) : undefined;
	return participant ? { identity: participant.identity, name: participant.display_name } : null;
}

/** After a committed change: apply it to LiveKit (in fence order), then tell everyone. */
async function publish(ctx: AppContext, room: Room, change: LockChange, reason?: ScreenShareEvent['reason']): Promise<ScreenShareEvent> {
	const [holder, previous] = await Promise.all([presenter(ctx.db, change.holder_id), presenter(ctx.db, change.previous_id)]);
	const event = eventFor({ holder, previous, fence: change.fence }, reason);
	try {
		await applyPermissions(ctx, room);
	} catch (err) {
		// The lock is committed; the next change or participant_joined re-applies.
		console.error('screen-share: applying LiveKit permissions failed', err);
	}
	try {
		const bytes = new TextEncoder().encode(JSON.stringify(event));
		await ctx.livekit.sendData(room.code, bytes, DataPacket_Kind.RELIABLE, { topic: SCREEN_SHARE_TOPIC });
	} catch (err) {
		console.error('screen-share: broadcasting the change failed', err);
	}
	return event;
}

/**
 * Someone joined: if the room has a lock, make sure their LiveKit permissions match it (a
 * token minted just before a takeover may still carry screen_share).
 */
export async function reconcileOnJoin(ctx: AppContext, room: Room): Promise<void> {
	if (!(await findLock(ctx.db, room.id))) return;
	try {
		await applyPermissions(ctx, room, true);
	} catch (err) {
		console.error('screen-share: reconciling permissions on join failed', err);
	}
}
