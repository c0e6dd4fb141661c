import { DataPacket_Kind } from 'livekit-server-sdk';
import { m } from '#lib/paraglide/messages';
import { LOBBY_TOPIC, type KnockState, type KnockView, type LobbyUpdate } from '../../access/lobby';
import type { AppContext } from '../app-context';
import type { Db } from '../db';
import type { MeetingSession, Room } from '../db/schema';
import type { Failure } from '../http/failures';
import { inTransaction } from '../db/transaction';
import { findSessionById } from '../meetings/session.repository';
import { lockRoom } from '../rooms/room.repository';
import type { Credentials } from './cookies';
import { notifyLobby } from './lobby-events';
import { admitKnocks, endKnocks, waitingKnocks, type WaitingKnock } from './pass.repository';
import { sessionRoles } from './role.repository';
import { memberFacts, passOf } from './room-policy';
import { DENIAL_MESSAGES, decideMembership, inCallFrom } from './room-rules';
import { countSeated } from './seat.repository';
import { issueToken } from './token.service';

/** The hosts' notice lists this many knocks (the count says how many in all). */
const SHOWN_KNOCKS = 50;
const NOBODY = '00000000-0000-0000-0000-000000000000';

const toView = (k: WaitingKnock): KnockView => ({ id: k.passId, name: k.name, knockedAt: k.knockedAt.toISOString(), fromRemovedAddress: k.fromRemovedAddress });

/** The hosts and co-hosts LiveKit has in the call now. */
async function moderatorsInCall(db: Db, sessionId: string): Promise<string[]> {
	const now = new Date();
	return (await sessionRoles(db, sessionId)).filter((p) => p.role !== 'guest' && inCallFrom(p, now)).map((p) => p.identity);
}

/** Whether a host or co-host is in the call to answer a knock. */
export async function hostPresent(db: Db, sessionId: string): Promise<boolean> {
	return (await moderatorsInCall(db, sessionId)).length > 0;
}

/** The lobby as the hosts see it. */
export async function lobbyUpdate(db: Db, room: Room, sessionId: string, extra: Partial<LobbyUpdate> = {}): Promise<LobbyUpdate> {
	const [knocks, session] = await Promise.all([waitingKnocks(db, sessionId), findSessionById(db, sessionId)]);
	return {
		type: 'lobby',
		waiting: knocks.slice(0, SHOWN_KNOCKS).map(toView),
		total: knocks.length,
		askToJoin: room.admission === 'ask' || session?.lobby_forced_at != null,
		...extra
	};
}

/**
 * The lobby changed: the hosts and co-hosts in the call get the waiting list (LiveKit data
 * from the server, to them only), and every app process wakes the room's waiting knockers.
 */
export async function announceLobby(ctx: Pick<AppContext, 'db' | 'livekit'>, room: Room, sessionId: string, extra: Partial<LobbyUpdate> = {}): Promise<void> {
	await notifyLobby(ctx.db, room.id);
	const moderators = await moderatorsInCall(ctx.db, sessionId);
	if (!moderators.length) return;
	const update = await lobbyUpdate(ctx.db, room, sessionId, extra);
	try {
		await ctx.livekit.sendData(room.code, new TextEncoder().encode(JSON.stringify(update)), DataPacket_Kind.RELIABLE, {
			topic: LOBBY_TOPIC,
			destinationIdentities: moderators
		});
	} catch (err) {
		// The hosts' panel reloads the list on its next open or reconnect.
		console.warn(`lobby: telling the hosts of ${room.code} failed: ${(err as Error).message}`);
	}
}

export type DecideResult = { ok: true; admitted: number; denied: number; full: number } | Failure<'ended'>;

/** The lobby as the hosts see it now (empty when no meeting is open). */
export async function lobbyView(db: Db, room: Room, session: Pick<MeetingSession, 'id'> | null): Promise<LobbyUpdate> {
	if (!session) return { type: 'lobby', waiting: [], total: 0, askToJoin: room.admission === 'ask' };
	return lobbyUpdate(db, room, session.id);
}

/**
 * A host or co-host answers knocks: `admit` lets them in (the oldest first, as many as the
 * room has seats for: the rest keep waiting and `full` says how many), `deny` turns them away
 * (each of those browsers waits before knocking again). `all`: everyone waiting now.
 */
export async function decideKnocks(ctx: AppContext, room: Room, sessionId: string | null, action: 'admit' | 'deny', target: string[] | 'all'): Promise<DecideResult> {
	if (!sessionId) return { ok: false, reason: 'ended' };
	const result = await inTransaction(ctx.db, async (trx) => {
		const locked = (await lockRoom(trx, room.id)) ?? room;
		const session = await findSessionById(trx, sessionId);
		if (!session || session.ended_at) return { ok: false as const, reason: 'ended' as const };
		const waiting = await waitingKnocks(trx, sessionId, target === 'all' ? undefined : target);
		if (action === 'deny') {
			const denied = await endKnocks(trx, sessionId, waiting.map((k) => k.passId), 'denied');
			await notifyLobby(trx, room.id);
			return { ok: true as const, admitted: 0, denied: denied.length, full: 0, browsers: denied.map((p) => p.browser_id) };
		}
		const free = Math.max(0, locked.max_participants - (await countSeated(trx, sessionId, NOBODY)));
		const admitted = await admitKnocks(trx, sessionId, waiting.slice(0, free).map((k) => k.passId));
		await notifyLobby(trx, room.id);
		return { ok: true as const, admitted: admitted.length, denied: 0, full: waiting.length - admitted.length, browsers: [] };
	});
	if (!result.ok) return result;
	await Promise.all(result.browsers.map((browser) => ctx.limits.knockDenied.consume(`${room.id}:${browser}`)));
	await announceLobby(ctx, room, sessionId);
	const { browsers: _, ...answer } = result;
	return answer;
}

/** The knocker withdraws (Cancel on the lobby screen). */
export async function cancelKnock(ctx: AppContext, room: Room, credentials: Credentials): Promise<void> {
	const pass = await passOf(ctx.db, room, credentials);
	if (!pass || pass.admitted_at || pass.revoked_at || pass.browser_id !== credentials.browserId) return;
	await endKnocks(ctx.db, pass.session_id, [pass.id], 'cancelled');
	await announceLobby(ctx, room, pass.session_id);
}

/**
 * Where this browser's knock stands, for its lobby screen. Once admitted the answer carries
 * its first LiveKit token (minted under the room policy, as every token is), so the knocker
 * goes straight into the call.
 */
export async function knockState(ctx: AppContext, room: Room, credentials: Credentials): Promise<KnockState> {
	const pass = await passOf(ctx.db, room, credentials);
	const { facts } = await memberFacts(ctx.db, room, pass);
	const decision = decideMembership(facts);
	if (decision.ok) {
		const token = await issueToken(ctx, room, credentials);
		if (token.ok) {
			const { ok: _, ...connection } = token;
			return { state: 'admitted', token: connection };
		}
		if (token.reason === 'livekit_unavailable' || token.reason === 'rate_limited') return { state: 'admitted', token: null }; // the call asks again
		return { state: 'refused', message: DENIAL_MESSAGES[token.reason]() };
	}
	switch (decision.reason) {
		case 'in_lobby':
			return { state: 'waiting', hostPresent: await hostPresent(ctx.db, pass!.session_id) };
		case 'denied': {
			const cooldown = await ctx.limits.knockDenied.check(`${room.id}:${pass!.browser_id}`);
			const message = cooldown.ok ? DENIAL_MESSAGES.denied() : m.server_knock_denied_wait({ seconds: Math.ceil(cooldown.retryAfterMs / 1000) });
			return { state: 'denied', message };
		}
		case 'pass_expired':
			return { state: 'expired', message: m.server_knock_expired() };
		case 'ended':
			return { state: 'ended', message: DENIAL_MESSAGES.ended() };
		case 'removed':
			return { state: 'removed', message: DENIAL_MESSAGES.removed() };
		default:
			return { state: 'cancelled', message: m.server_knock_cancelled() };
	}
}
