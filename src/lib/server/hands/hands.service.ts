import { DataPacket_Kind } from 'livekit-server-sdk';
import { HANDS_TOPIC, type HandQueue } from '../../hands/queue';
import type { Member } from '../access/room-policy';
import { rightsFor } from '../access/rights';
import type { AppContext } from '../app-context';
import { inTransaction } from '../db/transaction';
import type { Failure } from '../http/failures';
import { rateLimited } from '../rate-limit/limiter';
import { findParticipantByIdentity } from '../rooms/participant.repository';
import { handQueue, lockSessionHands, lowerAllHands, lowerHand, raiseHand } from './hands.repository';

/** What a participant asks of the queue. Lowering someone else's hand, or all, is a host's or co-host's. */
export type HandChange =
	| { action: 'raise' }
	/** Your own hand; `spoke`: it lowered itself after you spoke. */
	| { action: 'lower'; reason?: 'self' | 'spoke' }
	| { action: 'lower'; identity: string }
	| { action: 'lower_all' };

export type HandFailure = Failure<'forbidden' | 'rate_limited'>;

/**
 * Changes the meeting's queue of raised hands, then broadcasts the whole queue to the room
 * (reliable data, topic `hands`) and answers it. The database is the truth: a broadcast that
 * fails is logged, and the others get the queue on their next load or reconnect.
 */
export async function changeHands(ctx: AppContext, member: Member, change: HandChange): Promise<HandQueue | HandFailure> {
	const moderator = rightsFor({ whiteboardViewOnly: false, presenterId: null }, { role: member.role, participantId: member.participant.id }).moderate;
	const forSomeoneElse = change.action === 'lower_all' || (change.action === 'lower' && 'identity' in change && change.identity !== member.participant.identity);
	if (forSomeoneElse && !moderator) return { ok: false, reason: 'forbidden' };

	const spent = await ctx.limits.hands.consume(member.participant.id);
	if (!spent.ok) return rateLimited(spent);

	const sessionId = member.session.id;
	const queue = await inTransaction(ctx.db, async (trx) => {
		await lockSessionHands(trx, sessionId);
		if (change.action === 'raise') await raiseHand(trx, sessionId, member.participant.id);
		else if (change.action === 'lower_all') await lowerAllHands(trx, sessionId, 'moderator');
		else if ('identity' in change && change.identity !== member.participant.identity) {
			const target = await findParticipantByIdentity(trx, change.identity);
			if (target?.session_id === sessionId) await lowerHand(trx, sessionId, target.id, 'moderator');
		} else await lowerHand(trx, sessionId, member.participant.id, ('reason' in change && change.reason) || 'self');
		return handQueue(trx, sessionId);
	});
	await broadcastHands(ctx, member.room.code, queue);
	return queue;
}

/** The queue as it stands, for a browser that (re)connects. */
export async function currentHands(ctx: Pick<AppContext, 'db'>, member: Member): Promise<HandQueue> {
	return handQueue(ctx.db, member.session.id);
}

async function broadcastHands(ctx: AppContext, code: string, queue: HandQueue): Promise<void> {
	try {
		await ctx.livekit.sendData(code, new TextEncoder().encode(JSON.stringify(queue)), DataPacket_Kind.RELIABLE, { topic: HANDS_TOPIC });
	} catch (err) {
		console.error(`Hands broadcast to ${code} failed; queue version ${queue.version} is stored`, err);
	}
}
