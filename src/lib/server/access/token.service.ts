import type { AppContext } from '../app-context';
import { inTransaction } from '../db/transaction';
import type { JoinPass, Room } from '../db/schema';
import { mintBrowserToken } from '../livekit/token';
import { publishRights } from '../livekit/publish-rights';
import { rateLimited } from '../rate-limit/limiter';
import { lockRoom } from '../rooms/room.repository';
import type { Credentials } from './cookies';
import { currentSession } from './meeting-session.service';
import { idleExpiry } from './pass.repository';
import { rightsFor, roleOf } from './rights';
import { liveHostSessionId, memberFactsOf, passOf } from './room-policy';
import { decideToken, type Denial } from './room-rules';
import { markAdmitted, tokenFacts } from './seat.repository';

/**
 * What the join step of the same request has just settled, so the token does not ask again:
 * the pass it issued (not read back), whether its holder is the host (checked moments ago) and
 * the session's LiveKit room (found or created). The token still counts against the pass's
 * limit, counted alongside the checks below rather than before them.
 */
export interface JustAdmitted {
	pass: JoinPass;
	/** The live host session the browser presented (null: not a host). */
	hostSessionId: string | null;
}

export type TokenResult =
	| { ok: true; token: string; wsUrl: string; identity: string; expiresInSeconds: number; sessionId: string }
	| { ok: false; reason: Denial | 'livekit_unavailable' }
	| { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/**
 * Mints a LiveKit token, asking the room policy at this moment: the pass must be live and of
 * the current meeting, its holder not removed, and the lock and capacity hold now. Seats are
 * counted with the room row locked, so parallel joins never exceed the capacity. The grant
 * comes from the room's one rights rule (`rightsFor`: the presenter adds the screen, board
 * editors data for their cursors), and the metadata names the role (the badges).
 * `justAdmitted`: the join step of this same request has just issued this pass (see
 * `JustAdmitted`); the checks under the room's lock below still run.
 */
export async function issueToken(ctx: AppContext, room: Room, credentials: Credentials, { justAdmitted }: { justAdmitted?: JustAdmitted } = {}): Promise<TokenResult> {
	const pass = justAdmitted ? justAdmitted.pass : await passOf(ctx.db, room, credentials);
	if (!pass) return { ok: false, reason: 'not_joined' };
	let hostSessionId: string | null;
	// The join step's token counts too (the pass then has one fewer left), on another connection
	// while the checks under the lock run: no round trip of its own on the join's path.
	let counted: ReturnType<typeof ctx.limits.token.consume> | undefined;
	if (justAdmitted) {
		hostSessionId = justAdmitted.hostSessionId;
		counted = ctx.limits.token.consume(pass.id);
		counted.catch(() => undefined); // awaited below; a failure is reported there
	} else {
		const [allowance, hostNow] = await Promise.all([ctx.limits.token.consume(pass.id), liveHostSessionId(ctx.db, room, credentials)]);
		if (!allowance.ok) return rateLimited(allowance);
		hostSessionId = hostNow;
		try {
			// Also ends a meeting whose LiveKit room closed since (a lost room_finished): its passes then say so.
			await currentSession(ctx, room);
		} catch (err) {
			console.error('LiveKit unreachable while issuing a token', err);
			return { ok: false, reason: 'livekit_unavailable' };
		}
	}

	const host = hostSessionId !== null;
	const admitted = await inTransaction(ctx.db, async (trx) => {
		const locked = (await lockRoom(trx, room.id)) ?? room;
		// One read under the lock: the open session, the participant, the others' seats, the presenter.
		const { participant, openSessionId, seated, lockHolderId } = await tokenFacts(trx, room.id, pass.participant_id);
		const present = participant?.joined_at != null && participant.left_at === null;
		const decision = decideToken({
			...memberFactsOf(pass, openSessionId, participant),
			isHost: host,
			locked: locked.locked,
			present,
			leftAgoMs: participant?.left_at ? Date.now() - participant.left_at.getTime() : null,
			seated: participant ? seated : 0,
			capacity: locked.max_participants
		});
		if (!decision.ok) return decision;
		await markAdmitted(trx, participant!.id, hostSessionId, pass.id, idleExpiry());
		return { ok: true as const, participant: participant!, sessionId: openSessionId!, lockHolderId, whiteboardViewOnly: locked.whiteboard_view_only };
	});
	if (counted) {
		const allowance = await counted;
		if (!allowance.ok) return rateLimited(allowance);
	}
	if (!admitted.ok) return admitted;

	const ttl = ctx.config.LIVEKIT_TOKEN_TTL_SECONDS;
	const { participant } = admitted;
	const role = roleOf({ hostSession: host, cohost: participant.cohost_at !== null });
	const rights = rightsFor({ whiteboardViewOnly: admitted.whiteboardViewOnly, presenterId: admitted.lockHolderId }, { role, participantId: participant.id });
	const token = await mintBrowserToken(
		{
			room: room.code,
			identity: participant.identity,
			displayName: participant.display_name,
			role,
			ttlSeconds: ttl,
			rights: publishRights(rights)
		},
		ctx.config.LIVEKIT_API_KEY,
		ctx.config.LIVEKIT_API_SECRET
	);
	return { ok: true, token, wsUrl: ctx.config.LIVEKIT_WS_URL, identity: admitted.participant.identity, expiresInSeconds: ttl, sessionId: admitted.sessionId };
}
