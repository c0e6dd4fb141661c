import type { AppContext } from '../context';
import { mintBrowserToken } from '../livekit/token';
import { openSession } from '../meetings/session.repository';
import { extraSourcesFor } from '../screen-share/screen-share.service';
import { ensureLivekitRoom } from './livekit-room';
import { findParticipant, updateParticipant } from './participant.repository';
import { findRoomByCode } from './room.repository';

export type TokenResult =
	| { ok: true; token: string; wsUrl: string; identity: string; expiresInSeconds: number }
	| { ok: false; reason: 'not_joined' | 'livekit_unavailable' };

/**
 * Mints a LiveKit token for a participant who passed this room's join step, opening the
 * meeting session and (re)creating the LiveKit room when needed.
 */
export async function issueToken(ctx: AppContext, code: string, participantId: string | null): Promise<TokenResult> {
	const room = await findRoomByCode(ctx.db, code);
	const participant = participantId ? await findParticipant(ctx.db, participantId) : undefined;
	if (!room || !participant || participant.room_id !== room.id) return { ok: false, reason: 'not_joined' };

	try {
		await ensureLivekitRoom(ctx, room);
	} catch (err) {
		console.error('LiveKit unreachable while issuing a token', err);
		return { ok: false, reason: 'livekit_unavailable' };
	}

	const session = await openSession(ctx.db, room.id);
	if (participant.session_id !== session.id) {
		await updateParticipant(ctx.db, participant.id, { session_id: session.id });
	}

	const ttl = ctx.config.LIVEKIT_TOKEN_TTL_SECONDS;
	// The screen-share lock holder keeps screen_share across a reconnect.
	const extraSources = await extraSourcesFor(ctx.db, room.id, participant.id);
	const token = await mintBrowserToken(
		{ room: room.code, identity: participant.identity, displayName: participant.display_name, isHost: participant.is_host, ttlSeconds: ttl, extraSources },
		ctx.config.LIVEKIT_API_KEY,
		ctx.config.LIVEKIT_API_SECRET
	);
	return { ok: true, token, wsUrl: ctx.config.LIVEKIT_WS_URL, identity: participant.identity, expiresInSeconds: ttl };
}
