import { ServerError, TrackSource } from 'livekit-server-sdk';
import type { AppContext } from '../app-context';
import type { Room } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { participantBrowsers, revokeRemovedPasses } from '../meetings/join-pass.repository';
import { banBrowsers } from '../meetings/session-ban.repository';
import { findOpenSession } from '../meetings/session.repository';
import { closeMeeting } from '../pipeline/meeting-end.service';
import type { PipelineContext } from '../pipeline/pipeline-context';
import { findParticipantByIdentity, updateParticipant } from '../rooms/participant.repository';

export type HostActionResult = { ok: true } | { ok: false; reason: 'not_in_room' | 'is_host' | 'livekit_unavailable' };

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

/**
 * Removes a participant for the rest of the meeting. The database changes first, so the
 * room policy refuses them from this moment on every path: the participant is marked
 * removed, every pass they (and the browsers they used) hold is revoked, and those browsers
 * are banned from the session. Then LiveKit disconnects them; if they reconnect with the
 * token they still hold, the participant_joined check (and the poll) removes them again.
 */
export async function removeParticipant(ctx: AppContext, room: Room, identity: string): Promise<HostActionResult> {
	const session = await findOpenSession(ctx.db, room.id);
	const participant = await findParticipantByIdentity(ctx.db, identity);
	if (!session || !participant || participant.room_id !== room.id || participant.session_id !== session.id) return { ok: false, reason: 'not_in_room' };
	if (participant.is_host) return { ok: false, reason: 'is_host' };
	await inTransaction(ctx.db, async (trx) => {
		const browsers = await participantBrowsers(trx, participant.id);
		await updateParticipant(trx, participant.id, { removed_at: new Date() });
		await banBrowsers(trx, session.id, browsers);
		await revokeRemovedPasses(trx, session.id, participant.id, browsers);
	});
	try {
		await ctx.livekit.removeParticipant(room.code, identity);
	} catch (err) {
		// Not connected right now (or LiveKit is down): the policy already refuses them everywhere.
		console.warn(`remove ${identity}: LiveKit did not disconnect them: ${(err as Error).message}`);
	}
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
