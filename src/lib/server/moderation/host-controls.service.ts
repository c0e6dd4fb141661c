import { ServerError, TrackSource } from 'livekit-server-sdk';
import { banBrowsers } from '../access/ban.repository';
import { rotateHostKey } from '../access/host-link.service';
import { announceLobby } from '../access/lobby.service';
import { noteRemovedAddresses, participantOrigins, revokeRemovedPasses } from '../access/pass.repository';
import { mayRemove, type Role } from '../access/rights';
import { identityWithRole, setCohost } from '../access/role.repository';
import type { AppContext } from '../app-context';
import type { HostSession, Room } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { findOpenSession, setLobbyForced } from '../meetings/session.repository';
import { closeMeeting } from '../pipeline/meeting-end.service';
import type { PipelineContext } from '../pipeline/pipeline-context';
import { updateParticipant } from '../rooms/participant.repository';
import { applyPermissions } from '../screen-share/screen-share.service';

export type HostActionResult = { ok: true } | { ok: false; reason: 'not_in_room' | 'is_host' | 'not_allowed' | 'livekit_unavailable' };

/** Mutes a participant's microphone (they can unmute themselves, as in Meet). */
export async function muteParticipant(ctx: AppContext, room: Room, identity: string): Promise<HostActionResult> {
	try {
		const participants = await ctx.livekit.listParticipants(room.code);
		const participant = participants.find((p) => p.identity === identity);
		if (!participant) return { ok: false, reason: 'not_in_room' };
		const mics = participant.tracks.filter((t) => t.source === TrackSource.MICROPHONE && !t.muted);
		await Promise.all(mics.map((t) => ctx.livekit.mutePublishedTrack(room.code, identity, t.sid, true)));
		return { ok: true };
	} catch (err) {
		console.error('mute failed', err);
		return { ok: false, reason: 'livekit_unavailable' };
	}
}

/** The participant `identity` of the room's open meeting, with their role now. */
async function meetingParticipant(ctx: AppContext, room: Room, identity: string) {
	const session = await findOpenSession(ctx.db, room.id);
	const participant = await identityWithRole(ctx.db, identity);
	if (!session || !participant || participant.room_id !== room.id || participant.session_id !== session.id || participant.removed_at) return undefined;
	return { session, participant };
}

/**
 * Removes a participant for the rest of the meeting (a host removes anyone but a host, a
 * co-host removes guests). The database changes first, so the room policy refuses them from
 * this moment on every path: the participant is marked removed, every pass they (and the
 * browsers they used) hold is revoked, and those browsers are banned from the session. A
 * fresh browser is no way around it: the meeting asks to join from now on (the hosts are told),
 * and a knock from an address the removed person used is flagged. Then LiveKit disconnects
 * them; if they reconnect with the token they still hold, the participant_joined check (and
 * the poll) removes them again.
 */
export async function removeParticipant(ctx: AppContext, room: Room, identity: string, by: Role = 'host'): Promise<HostActionResult> {
	const found = await meetingParticipant(ctx, room, identity);
	if (!found) return { ok: false, reason: 'not_in_room' };
	const { session, participant } = found;
	if (participant.role === 'host') return { ok: false, reason: 'is_host' };
	if (!mayRemove(by, participant.role)) return { ok: false, reason: 'not_allowed' };
	const forced = room.admission === 'open' && session.lobby_forced_at === null;
	await inTransaction(ctx.db, async (trx) => {
		const { browsers, clientKeys } = await participantOrigins(trx, participant.id);
		await updateParticipant(trx, participant.id, { removed_at: new Date(), cohost_at: null });
		await banBrowsers(trx, session.id, browsers);
		await revokeRemovedPasses(trx, session.id, participant.id, browsers);
		await noteRemovedAddresses(trx, session.id, clientKeys);
		if (forced) await setLobbyForced(trx, session.id, new Date());
	});
	await announceLobby(ctx, room, session.id, forced ? { forcedByRemoval: true } : {});
	try {
		await ctx.livekit.removeParticipant(room.code, identity);
	} catch (err) {
		// Not connected right now (or LiveKit is down): the policy already refuses them everywhere.
		console.warn(`remove ${identity}: LiveKit did not disconnect them: ${(err as Error).message}`);
	}
	return { ok: true };
}

/**
 * The host names a participant co-host of this meeting, or takes it back. LiveKit's
 * permissions and the role in their metadata follow at once (their badge, their board rights).
 */
export async function setParticipantCohost(ctx: AppContext, room: Room, identity: string, cohost: boolean): Promise<HostActionResult> {
	const found = await meetingParticipant(ctx, room, identity);
	if (!found) return { ok: false, reason: 'not_in_room' };
	if (found.participant.role === 'host') return { ok: false, reason: 'is_host' };
	await setCohost(ctx.db, found.participant.id, cohost);
	try {
		await applyPermissions(ctx, room, true);
	} catch (err) {
		console.error('co-host: LiveKit did not take the new role', err);
		return { ok: false, reason: 'livekit_unavailable' };
	}
	await announceLobby(ctx, room, found.session.id); // a new co-host sees who is waiting
	return { ok: true };
}

/**
 * Ends the meeting for everyone: the session ends in the database first (passes revoked,
 * recording stopped), then LiveKit closes the room. If LiveKit does not answer, the poll
 * removes whoever is left, since nobody may stay in an ended meeting.
 */
export async function endMeeting(ctx: PipelineContext, room: Room): Promise<HostActionResult> {
	const session = await findOpenSession(ctx.db, room.id);
	if (session) await closeMeeting(ctx, room, session.id);
	try {
		await ctx.livekit.deleteRoom(room.code);
		return { ok: true };
	} catch (err) {
		if (err instanceof ServerError && err.status === 404) return { ok: true }; // nobody was in it
		console.error('end meeting: LiveKit did not close the room', err);
		return { ok: false, reason: 'livekit_unavailable' };
	}
}

/**
 * A new host link (see rotateHostKey): every host session opened with an older one ends, and
 * those hosts' badges and rights in the call follow at once.
 */
export async function newHostLink(ctx: AppContext, room: Room, browserId: string | null): Promise<{ key: string; hostSession: HostSession }> {
	const rotated = await rotateHostKey(ctx, room, browserId);
	await applyPermissions(ctx, room, true).catch((err: unknown) => console.error('host link: LiveKit did not take the new roles', err));
	return rotated;
}

export type ModerationAction = 'mute' | 'remove' | 'make_cohost' | 'remove_cohost';

/** One of the hosts' actions on a participant (the route's guard checked who may ask: co-hosts are for the host only). */
export function moderate(ctx: AppContext, room: Room, identity: string, action: ModerationAction, by: Role): Promise<HostActionResult> {
	switch (action) {
		case 'mute':
			return muteParticipant(ctx, room, identity);
		case 'remove':
			return removeParticipant(ctx, room, identity, by);
		default:
			return setParticipantCohost(ctx, room, identity, action === 'make_cohost');
	}
}
