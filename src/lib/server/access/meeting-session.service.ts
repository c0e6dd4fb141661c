import type { RoomServiceClient } from 'livekit-server-sdk';
import type { Db } from '../db';
import { inTransaction } from '../db/transaction';
import type { MeetingSession, Room } from '../db/schema';
import { ensureLivekitRoom } from '../rooms/livekit-room';
import { openSessionWithPresence } from './seat.repository';
import { revokeSessionPasses } from './pass.repository';
import { claimLivekitRoom, findOpenSession, markSessionEnded, openSession } from '../meetings/session.repository';

/**
 * The session a join or a token belongs to: the room's open session, living in the LiveKit
 * room that exists now. When LiveKit has closed and re-created the room since the session
 * began (its room_finished webhook was lost), that meeting is over: it is ended and a new
 * one opens, so nobody lands in the old meeting's chat and records.
 */
export async function currentSession(ctx: { db: Db; livekit: RoomServiceClient }, room: Room): Promise<MeetingSession> {
	const sid = await ensureLivekitRoom(ctx, room);
	let session = await openSession(ctx.db, room.id);
	if (session.livekit_room_sid && session.livekit_room_sid !== sid) {
		await endSession(ctx.db, session.id, new Date());
		session = await openSession(ctx.db, room.id);
	}
	if (!session.livekit_room_sid) {
		await claimLivekitRoom(ctx.db, session.id, sid);
		session = { ...session, livekit_room_sid: sid };
	}
	return session;
}

/**
 * The session a join step belongs to, creating the LiveKit room once per session rather than
 * at every join: while someone is connected to the session's LiveKit room (as its webhooks
 * report), LiveKit keeps that room, so it is not asked again. Otherwise, as `currentSession`.
 * (If both webhooks of a closing room were lost, the connect fails and the token endpoint's
 * retry asks LiveKit, as before.)
 */
export async function joinableSession(ctx: { db: Db; livekit: RoomServiceClient }, room: Room): Promise<MeetingSession> {
	const open = await openSessionWithPresence(ctx.db, room.id);
	if (open?.session.livekit_room_sid && open.anyoneConnected) return open.session;
	return currentSession(ctx, room);
}

/** Ends a session and revokes every join pass of it. True when this call ended it. */
export async function endSession(db: Db, sessionId: string, at = new Date()): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		const ended = await markSessionEnded(trx, sessionId, at);
		if (ended) await revokeSessionPasses(trx, sessionId, 'ended');
		return ended;
	});
}

/**
 * LiveKit closed a room (room_finished, or the poll found it gone): ends the session that
 * lived in it. A late event about an older LiveKit room never ends a newer session.
 */
export async function endSessionOfLivekitRoom(db: Db, room: Room, livekitSid: string | undefined, at: Date): Promise<MeetingSession | undefined> {
	const session = await findOpenSession(db, room.id);
	if (!session) return undefined;
	if (livekitSid && session.livekit_room_sid && session.livekit_room_sid !== livekitSid) return undefined;
	return (await endSession(db, session.id, at)) ? session : undefined;
}
