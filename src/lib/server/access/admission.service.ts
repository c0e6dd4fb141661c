import type { AppContext } from '../app-context';
import { verifyPassword } from '../crypto/secrets';
import type { JoinPass, MeetingSession, Participant, Room } from '../db/schema';
import { insertPass } from '../meetings/join-pass.repository';
import { isBanned } from '../meetings/session-ban.repository';
import { joinableSession } from '../meetings/session.service';
import { rateLimited } from '../rate-limit/limiter';
import { newParticipantIdentity } from '../rooms/identity';
import { countSeated, insertParticipant, updateParticipant } from '../rooms/participant.repository';
import type { Credentials } from './cookies';
import { isHost, memberFacts, passOf } from './room-policy';
import { decideAdmission, decideMembership, type Denial } from './room-rules';

export interface AdmissionInput {
	room: Room;
	displayName: string;
	password: string;
	credentials: Credentials & { browserId: string };
	/** The client's address, for the attempt limits. */
	client: string;
}

export type AdmissionFailure = Denial | 'wrong_password' | 'livekit_unavailable';
export type AdmissionResult =
	| { ok: true; participant: Participant; pass: JoinPass; session: MeetingSession; isHost: boolean }
	| { ok: false; reason: AdmissionFailure }
	| { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/**
 * The room's join step: asks the room policy (removal, lock, capacity, then the password,
 * whose guesses are limited per client and per room before any hashing), records who joins
 * and issues a join pass for this meeting session. The same browser joining again keeps its
 * LiveKit identity, so LiveKit replaces its stale connection.
 */
export async function admit(ctx: AppContext, input: AdmissionInput): Promise<AdmissionResult> {
	const { room, credentials } = input;
	const attempt = await ctx.limits.join.consume(input.client);
	if (!attempt.ok) return rateLimited(attempt);

	const [session, host] = await Promise.all([
		joinableSession(ctx, room).catch((err: unknown) => {
			console.error('LiveKit unreachable at the join step', err);
			return undefined;
		}),
		isHost(ctx.db, room, credentials)
	]);
	if (!session) return { ok: false, reason: 'livekit_unavailable' };
	const previous = await reusableParticipant(ctx, room, credentials, session);
	const [banned, seated] = await Promise.all([
		isBanned(ctx.db, session.id, credentials.browserId),
		countSeated(ctx.db, session.id, previous?.id ?? '00000000-0000-0000-0000-000000000000')
	]);
	const decision = decideAdmission({ isHost: host, locked: room.locked, banned, seated, capacity: room.max_participants });
	if (!decision.ok) return decision;

	if (room.password_hash && !host) {
		const checked = await checkPassword(ctx, room, input.password, input.client);
		if (!checked.ok) return checked;
	}

	let participant: Participant;
	if (previous) {
		await updateParticipant(ctx.db, previous.id, { display_name: input.displayName, is_host: host });
		participant = { ...previous, display_name: input.displayName, is_host: host };
	} else {
		participant = await insertParticipant(ctx.db, {
			room_id: room.id,
			session_id: session.id,
			identity: newParticipantIdentity(),
			display_name: input.displayName,
			is_host: host
		});
	}
	const pass = await insertPass(ctx.db, { room_id: room.id, session_id: session.id, participant_id: participant.id, browser_id: credentials.browserId });
	return { ok: true, participant, pass, session, isHost: host };
}

/** This browser's participant in the current session, when its pass is still good. */
async function reusableParticipant(ctx: AppContext, room: Room, credentials: Credentials & { browserId: string }, session: MeetingSession) {
	const pass = await passOf(ctx.db, room, credentials);
	if (!pass || pass.browser_id !== credentials.browserId || pass.session_id !== session.id) return undefined;
	const { facts, participant } = await memberFacts(ctx.db, room, pass);
	return decideMembership(facts).ok ? participant : undefined;
}

/**
 * Wrong guesses are counted per (room, client) and per room, and checked BEFORE the slow
 * hash runs: a guesser gets a Retry-After, not another scrypt run.
 */
async function checkPassword(
	ctx: AppContext,
	room: Room,
	password: string,
	client: string
): Promise<{ ok: true } | { ok: false; reason: 'wrong_password' } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }> {
	const clientKey = `${room.id}:${client}`;
	for (const blocked of [await ctx.limits.passwordClient.check(clientKey), await ctx.limits.passwordRoom.check(room.id)]) {
		if (!blocked.ok) return rateLimited(blocked);
	}
	if (await verifyPassword(password, room.password_hash!)) {
		await ctx.limits.passwordClient.reset(clientKey);
		return { ok: true };
	}
	await Promise.all([ctx.limits.passwordClient.consume(clientKey), ctx.limits.passwordRoom.consume(room.id)]);
	return { ok: false, reason: 'wrong_password' };
}
