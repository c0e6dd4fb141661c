import { TrackSource } from 'livekit-server-sdk';
import type { AppContext } from '../context';
import type { Room } from '../db/schema';

export type HostActionResult = { ok: true } | { ok: false; reason: 'not_in_room' | 'livekit_unavailable' };

async function findInRoom(ctx: AppContext, room: Room, identity: string) {
	const participants = await ctx.livekit.listParticipants(room.code);
	return participants.find((p) => p.identity === identity);
}

/** Mutes a participant's microphone (they can unmute themselves, as in Meet). */
export async function muteParticipant(ctx: AppContext, room: Room, identity: string): Promise<HostActionResult> {
	try {
		const participant = await findInRoom(ctx, room, identity);
		if (!participant) return { ok: false, reason: 'not_in_room' };
		const mics = participant.tracks.filter((t) => t.source === TrackSource.MICROPHONE && !t.muted);
		await Promise.all(mics.map((t) => ctx.livekit.mutePublishedTrack(room.code, identity, t.sid, true)));
		return { ok: true };
	} catch (err) {
		console.error('mute failed', err);
		return { ok: false, reason: 'livekit_unavailable' };
	}
}

/** Removes a participant from the meeting; they may join again unless the room is locked. */
export async function removeParticipant(ctx: AppContext, room: Room, identity: string): Promise<HostActionResult> {
	try {
		if (!(await findInRoom(ctx, room, identity))) return { ok: false, reason: 'not_in_room' };
		await ctx.livekit.removeParticipant(room.code, identity);
		return { ok: true };
	} catch (err) {
		console.error('remove failed', err);
		return { ok: false, reason: 'livekit_unavailable' };
	}
}

/** Ends the meeting for everyone: LiveKit closes the room, and its room_finished webhook ends the session. */
export async function endMeeting(ctx: AppContext, room: Room): Promise<HostActionResult> {
	try {
		await ctx.livekit.deleteRoom(room.code);
		return { ok: true };
	} catch (err) {
		console.error('end meeting failed', err);
		return { ok: false, reason: 'livekit_unavailable' };
	}
}
