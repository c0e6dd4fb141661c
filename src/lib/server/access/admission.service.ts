import { cleanDisplayName, nameKey } from '../../forms/display-name';
import type { AppContext } from '../app-context';
import { verifyPassword } from '../crypto/secrets';
import type { JoinPass, MeetingSession, Participant, Room } from '../db/schema';
import { rateLimited } from '../rate-limit/limiter';
import { clientKey } from '../rate-limit/client-key';
import { newParticipantIdentity } from '../rooms/identity';
import { insertParticipant, updateParticipant } from '../rooms/participant.repository';
import { isBanned } from './ban.repository';
import type { Credentials } from './cookies';
import { announceLobby, hostPresent } from './lobby.service';
import { joinableSession } from './meeting-session.service';
import { insertPass } from './pass.repository';
import type { Role } from './rights';
import { sessionRoles } from './role.repository';
import { liveHostSessionId, memberFacts, passOf } from './room-policy';
import { decideAdmission, decideMembership, type Denial } from './room-rules';
import { countSeated } from './seat.repository';

export interface AdmissionInput {
	room: Room;
	displayName: string;
	password: string;
	credentials: Credentials & { browserId: string };
	/** The client's address, for the attempt limits. */
	client: string;
}

export type AdmissionFailure = Denial | 'wrong_password' | 'livekit_unavailable' | 'name_taken';
export type AdmissionResult =
	| { ok: true; via: 'direct'; participant: Participant; pass: JoinPass; session: MeetingSession; role: Role; hostSessionId: string | null }
	| { ok: true; via: 'lobby'; participant: Participant; pass: JoinPass; session: MeetingSession; hostPresent: boolean }
	| { ok: false; reason: AdmissionFailure }
	| { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

type Browser = Credentials & { browserId: string };

/**
 * The room's join step: asks the room policy (removal, lock, capacity, then the password,
 * whose guesses are limited per client before any hashing), records who joins and issues a
 * join pass for this meeting session — admitted at once, or waiting in the lobby when the room
 * asks to join (hosts never knock; someone already let into this meeting comes back without
 * knocking). The same browser joining again keeps its LiveKit identity, so LiveKit replaces
 * its stale connection; a browser already knocking keeps its place.
 */
export async function admit(ctx: AppContext, input: AdmissionInput): Promise<AdmissionResult> {
	const { room, credentials } = input;
	const client = clientKey(input.client);
	const attempt = await ctx.limits.join.consume(client);
	if (!attempt.ok) return rateLimited(attempt);
	const displayName = cleanDisplayName(input.displayName).slice(0, 64) || 'Guest';

	const [session, hostSessionId] = await Promise.all([
		joinableSession(ctx, room).catch((err: unknown) => {
			console.error('LiveKit unreachable at the join step', err);
			return undefined;
		}),
		liveHostSessionId(ctx.db, room, credentials)
	]);
	if (!session) return { ok: false, reason: 'livekit_unavailable' };
	const host = hostSessionId !== null;
	const previous = await previousPass(ctx, room, credentials, session);
	const [banned, seated] = await Promise.all([
		isBanned(ctx.db, session.id, credentials.browserId),
		countSeated(ctx.db, session.id, previous?.participant.id ?? '00000000-0000-0000-0000-000000000000')
	]);
	const decision = decideAdmission({
		isHost: host,
		returning: previous?.admitted ?? false,
		askToJoin: room.admission === 'ask' || session.lobby_forced_at !== null,
		locked: room.locked,
		banned,
		seated,
		capacity: room.max_participants
	});
	if (!decision.ok) return decision;

	if (room.password_hash && !host) {
		const checked = await checkPassword(ctx, room, session, input.password, client);
		if (!checked.ok) return checked;
	}
	if (!host && (await takesModeratorName(ctx, session, displayName, previous?.participant.id))) return { ok: false, reason: 'name_taken' };

	if (decision.via === 'lobby' && previous?.pass) {
		// Knocking again from the same browser (a reload): the same place in the line.
		await updateParticipant(ctx.db, previous.participant.id, { display_name: displayName });
		return { ok: true, via: 'lobby', participant: { ...previous.participant, display_name: displayName }, pass: previous.pass, session, hostPresent: await hostPresent(ctx.db, session.id) };
	}
	if (decision.via === 'lobby') {
		const allowed = await mayKnock(ctx, room, credentials, client);
		if (!allowed.ok) return allowed;
	}

	let participant: Participant;
	if (previous) {
		await updateParticipant(ctx.db, previous.participant.id, { display_name: displayName });
		participant = { ...previous.participant, display_name: displayName };
	} else {
		participant = await insertParticipant(ctx.db, { room_id: room.id, session_id: session.id, identity: newParticipantIdentity(), display_name: displayName });
	}
	const pass = await insertPass(ctx.db, {
		room_id: room.id,
		session_id: session.id,
		participant_id: participant.id,
		browser_id: credentials.browserId,
		host_session_id: hostSessionId,
		client_key: client,
		admitted: decision.via === 'direct'
	});
	if (decision.via === 'lobby') {
		await announceLobby(ctx, room, session.id);
		return { ok: true, via: 'lobby', participant, pass, session, hostPresent: await hostPresent(ctx.db, session.id) };
	}
	const role: Role = host ? 'host' : participant.cohost_at ? 'cohost' : 'guest';
	return { ok: true, via: 'direct', participant, pass, session, role, hostSessionId };
}

/**
 * This browser's participant in the current session when its pass is still good: `admitted`
 * when it was let in (it comes back without knocking), else it is still knocking (`pass`, to
 * keep its place).
 */
async function previousPass(ctx: AppContext, room: Room, credentials: Browser, session: MeetingSession) {
	const pass = await passOf(ctx.db, room, credentials);
	if (!pass || pass.browser_id !== credentials.browserId || pass.session_id !== session.id) return undefined;
	const { facts, participant } = await memberFacts(ctx.db, room, pass);
	const decision = decideMembership(facts);
	if (decision.ok) return { participant: participant!, admitted: true, pass: undefined };
	if (decision.reason === 'in_lobby') return { participant: participant!, admitted: false, pass };
	return undefined;
}

/** A guest may not take the name of a host or co-host of the meeting (they would pass for them in chat and on tiles). */
async function takesModeratorName(ctx: AppContext, session: MeetingSession, name: string, self: string | undefined): Promise<boolean> {
	const key = nameKey(name);
	const people = await sessionRoles(ctx.db, session.id);
	return people.some((p) => p.id !== self && p.role !== 'guest' && p.removed_at === null && nameKey(p.display_name) === key);
}

/** Knocks are limited per client and room, and per room; a browser a host declined waits before knocking again. */
async function mayKnock(ctx: AppContext, room: Room, credentials: Browser, client: string) {
	const cooldown = await ctx.limits.knockDenied.check(`${room.id}:${credentials.browserId}`);
	if (!cooldown.ok) return rateLimited(cooldown);
	// The address first: one that floods is stopped before it spends the room's allowance.
	const fromClient = await ctx.limits.knockClient.consume(`${room.id}:${client}`);
	if (!fromClient.ok) return rateLimited(fromClient);
	const forRoom = await ctx.limits.knockRoom.consume(room.id);
	if (!forRoom.ok) return rateLimited(forRoom);
	return { ok: true as const };
}

/**
 * Wrong guesses are counted per (room, client) and checked BEFORE the slow hash runs: a
 * guesser gets a Retry-After, not another scrypt run. The per-room count never keeps out the
 * right password: past it, a wrong guess is answered "too many attempts" (and the hosts are
 * told), but every client not guessing from its own address still has its password checked.
 */
async function checkPassword(
	ctx: AppContext,
	room: Room,
	session: MeetingSession,
	password: string,
	client: string
): Promise<{ ok: true } | { ok: false; reason: 'wrong_password' } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }> {
	const clientKeyOfRoom = `${room.id}:${client}`;
	const blocked = await ctx.limits.passwordClient.check(clientKeyOfRoom);
	if (!blocked.ok) return rateLimited(blocked);
	if (await verifyPassword(password, room.password_hash!)) {
		await ctx.limits.passwordClient.reset(clientKeyOfRoom);
		return { ok: true };
	}
	const [, roomWide] = await Promise.all([ctx.limits.passwordClient.consume(clientKeyOfRoom), ctx.limits.passwordRoom.consume(room.id)]);
	if (!roomWide.ok) {
		await announceLobby(ctx, room, session.id, { passwordGuessing: true });
		return rateLimited(roomWide);
	}
	return { ok: false, reason: 'wrong_password' };
}
