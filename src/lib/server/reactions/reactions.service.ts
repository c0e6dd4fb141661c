import { randomUUID } from 'node:crypto';
import { DataPacket_Kind } from 'livekit-server-sdk';
import { REACTIONS_TOPIC, type Reaction, type ReactionEmoji } from '../../reactions/reactions';
import type { Member } from '../access/room-policy';
import type { AppContext } from '../app-context';
import type { Failure } from '../http/failures';
import { rateLimited } from '../rate-limit/limiter';

export type ReactionFailure = Failure<'reactions_off' | 'rate_limited' | 'unavailable'>;

/**
 * Sends a reaction from a participant in the call to everyone (reliable data, topic `reaction`),
 * when the room allows reactions and the sender has allowance left. Reactions are not kept.
 */
export async function sendReaction(ctx: AppContext, member: Member, emoji: ReactionEmoji): Promise<Reaction | ReactionFailure> {
	if (!member.room.reactions) return { ok: false, reason: 'reactions_off' };
	const spent = await ctx.limits.reactions.consume(member.participant.id);
	if (!spent.ok) return rateLimited(spent);
	const reaction: Reaction = { id: randomUUID(), identity: member.participant.identity, name: member.participant.display_name, emoji };
	try {
		await ctx.livekit.sendData(member.room.code, new TextEncoder().encode(JSON.stringify(reaction)), DataPacket_Kind.RELIABLE, { topic: REACTIONS_TOPIC });
	} catch (err) {
		console.error(`Reaction broadcast to ${member.room.code} failed`, err);
		return { ok: false, reason: 'unavailable' };
	}
	return reaction;
}
