import type { RoomServiceClient } from 'livekit-server-sdk';
import { roomMetadataJson, type RoomMetadata } from '../../room-metadata';
import type { Db } from '../db';
import type { Room } from '../db/schema';
import { openSessionTranscribing } from './room.repository';

/** LiveKit closes a room 5 minutes after it was created empty, 20 s after the last person left; our room lives on. */
const EMPTY_TIMEOUT_SECONDS = 300;
const DEPARTURE_TIMEOUT_SECONDS = 20;

type LivekitRoomContext = { db: Db; livekit: RoomServiceClient };

/** What the call reads from LiveKit's room metadata: the room's settings and whether its meeting is transcribed. */
export function roomMetadataOf(room: Room, transcribing: boolean): RoomMetadata {
	return { reactions: room.reactions, captions: room.captions, transcribing, language: room.transcription_language };
}

async function metadataJson(db: Db, room: Room): Promise<string> {
	const open = await openSessionTranscribing(db, room.id);
	return roomMetadataJson(roomMetadataOf(room, open?.transcribing ?? false));
}

/**
 * Creates the room on LiveKit, or finds it (CreateRoom answers the existing room for a
 * name it has). Returns LiveKit's room sid: a new sid means a new LiveKit room.
 */
export async function ensureLivekitRoom(ctx: LivekitRoomContext, room: Room): Promise<string> {
	const created = await ctx.livekit.createRoom({
		name: room.code,
		emptyTimeout: EMPTY_TIMEOUT_SECONDS,
		departureTimeout: DEPARTURE_TIMEOUT_SECONDS,
		maxParticipants: room.max_participants,
		metadata: await metadataJson(ctx.db, room)
	});
	return created.sid;
}

/**
 * Puts the room's settings the call needs into LiveKit's room metadata, when LiveKit has the
 * room (no meeting under way: the next one's room is made with them). Called whenever
 * reactions, captions, the language or transcribing (Transcribe, a recording) change.
 */
export async function publishRoomMetadata(ctx: LivekitRoomContext, room: Room): Promise<void> {
	try {
		await ctx.livekit.updateRoomMetadata(room.code, await metadataJson(ctx.db, room));
	} catch (err) {
		if (!/not found|does not exist/i.test(String((err as Error).message))) throw err;
	}
}
