import { ensureTranscriber } from '../captions/transcriber.service';
import type { AppContext } from '../app-context';
import { hashPassword } from '../crypto/secrets';
import { env } from '../env';
import type { Admission, Room } from '../db/schema';
import type { Failure } from '../http/failures';
import { findOpenSession, setLobbyForced, setSessionTranscribing } from '../meetings/session.repository';
import { publishRoomMetadata } from '../rooms/livekit-room';
import { openSessionTranscribing, updateRoomSettings as saveSettings } from '../rooms/room.repository';
import { announceLobby, decideKnocks } from './lobby.service';
import { endKnocks } from './pass.repository';

export interface RoomSettingsInput {
	password: string;
	clearPassword: boolean;
	muteOnJoin: boolean;
	cameraOffOnJoin: boolean;
	locked: boolean;
	askToJoin: boolean;
	reactions: boolean;
	/** Live captions in the room's meetings. */
	captions: boolean;
	/** '' the server's default, 'auto' detected, or a Whisper language code. */
	spokenLanguage: string;
	maxParticipants: number;
}

/** Saves the host's settings: the room policy reads them on every join and token; the lock and who comes in apply to the lobby at once. */
export async function updateRoomSettings(ctx: AppContext, room: Room, input: RoomSettingsInput): Promise<Room> {
	const password_hash = input.clearPassword ? null : input.password ? await hashPassword(input.password) : room.password_hash;
	const saved = await saveSettings(ctx.db, room.id, {
		password_hash,
		mute_on_join: input.muteOnJoin,
		camera_off_on_join: input.cameraOffOnJoin,
		transcription_language: input.spokenLanguage || null,
		max_participants: input.maxParticipants
	});
	const locked = await setLocked(ctx, saved, input.locked);
	const admitted = await setAdmission(ctx, locked, input.askToJoin ? 'ask' : 'open');
	const reacting = await setReactions(ctx, admitted, input.reactions);
	const captioned = await setCaptions(ctx, reacting, input.captions);
	// The call's language follows the room's at once (the captions use it).
	if (captioned.transcription_language !== room.transcription_language) await publishRoomMetadata(ctx, captioned);
	return captioned;
}

/** Locks or unlocks the room. Locked, nobody new comes in: the knocks waiting are turned away. */
export async function setLocked(ctx: AppContext, room: Room, locked: boolean): Promise<Room> {
	if (room.locked === locked) return room;
	const saved = await saveSettings(ctx.db, room.id, { locked });
	const session = await findOpenSession(ctx.db, room.id);
	if (locked && session) {
		await endKnocks(ctx.db, session.id, 'all', 'denied');
		await announceLobby(ctx, saved, session.id);
	}
	return saved;
}

/**
 * Who comes in. Opening the room lets everyone waiting in (as the seats allow) and lifts the
 * ask-to-join a removal put on this meeting: the host's word is the last.
 */
export async function setAdmission(ctx: AppContext, room: Room, admission: Admission): Promise<Room> {
	const session = await findOpenSession(ctx.db, room.id);
	const lifted = admission === 'open' && session?.lobby_forced_at != null;
	if (room.admission === admission && !lifted) return room;
	const saved = await saveSettings(ctx.db, room.id, { admission });
	if (!session) return saved;
	if (lifted) await setLobbyForced(ctx.db, session.id, null);
	if (admission === 'open') await decideKnocks(ctx, saved, session.id, 'admit', 'all');
	else await announceLobby(ctx, saved, session.id);
	return saved;
}

/**
 * Turns reactions on or off for the room: the server refuses them while off, and the call's
 * browsers hear it from LiveKit's room metadata (the picker hides).
 */
export async function setReactions(ctx: AppContext, room: Room, reactions: boolean): Promise<Room> {
	if (room.reactions === reactions) return room;
	const saved = await saveSettings(ctx.db, room.id, { reactions });
	await publishRoomMetadata(ctx, saved);
	return saved;
}

/**
 * Turns live captions on or off for the room: the transcriber is dispatched to its meetings
 * while on, and the call's browsers hear it from LiveKit's room metadata.
 */
export async function setCaptions(ctx: AppContext, room: Room, captions: boolean): Promise<Room> {
	if (room.captions === captions) return room;
	const saved = await saveSettings(ctx.db, room.id, { captions });
	await publishRoomMetadata(ctx, saved);
	// The transcriber comes in or leaves now; if LiveKit does not answer, the reconciliation does it.
	await ensureTranscriber(ctx.livekit, saved).catch((err: unknown) => console.error(`captions of ${room.code}:`, err));
	return saved;
}

export type TranscribeFailure = Failure<'no_meeting' | 'captions_off'>;

/**
 * The host's Transcribe: this meeting keeps its final captions as its transcript (and gets
 * rolling notes), or stops keeping them. A recording keeps them whatever this says, so the
 * answer is whether the meeting is transcribed now. Needs live captions on: they are the source.
 */
export async function setTranscribing(ctx: AppContext, room: Room, on: boolean): Promise<{ transcribing: boolean } | TranscribeFailure> {
	const open = await openSessionTranscribing(ctx.db, room.id);
	if (!open) return { ok: false, reason: 'no_meeting' };
	if (on && !room.captions) return { ok: false, reason: 'captions_off' };
	if (on !== (open.session.transcribing_at !== null)) {
		await setSessionTranscribing(ctx.db, open.session.id, on ? new Date() : null);
		await publishRoomMetadata(ctx, room);
	}
	const now = await openSessionTranscribing(ctx.db, room.id);
	return { transcribing: now?.transcribing ?? false };
}

/** The People panel's switches: lock, ask to join, reactions; answers where the room stands. */
export async function setAccess(
	ctx: AppContext,
	room: Room,
	change: { locked?: boolean; askToJoin?: boolean; reactions?: boolean }
): Promise<{ locked: boolean; askToJoin: boolean; reactions: boolean }> {
	let saved = room;
	if (change.locked !== undefined) saved = await setLocked(ctx, saved, change.locked);
	if (change.askToJoin !== undefined) saved = await setAdmission(ctx, saved, change.askToJoin ? 'ask' : 'open');
	if (change.reactions !== undefined) saved = await setReactions(ctx, saved, change.reactions);
	return { locked: saved.locked, askToJoin: saved.admission === 'ask', reactions: saved.reactions };
}

/** The server's spoken language (WHISPER_LANGUAGE): what a room without its own follows ('' detects). */
export function defaultSpokenLanguage(): string {
	return env().WHISPER_LANGUAGE;
}
