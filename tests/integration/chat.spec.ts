import { Room as RtcRoom, RoomEvent } from '@livekit/rtc-node';
import { sql } from 'kysely';
import type { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/lib/chat/message';
import { createChatRateLimiter, createRateLimitPool } from '../../src/lib/server/chat/chat-rate-limit';
import { chatHistory, sendMessage, sessionChat } from '../../src/lib/server/chat/chat.service';
import type { ChatContext } from '../../src/lib/server/chat/context';
import { env } from '../../src/lib/server/env';
import { endOpenSession } from '../../src/lib/server/meetings/session.repository';
import { joinRoom } from '../../src/lib/server/rooms/join.service';
import { createRoom } from '../../src/lib/server/rooms/room.service';
import { issueToken } from '../../src/lib/server/rooms/token.service';
import { testContext } from './support';

// Two pools and two limiters: as two app processes would have.
const pools = [createRateLimitPool(env().DATABASE_URL), createRateLimitPool(env().DATABASE_URL)];
const base = testContext();
const ctx: ChatContext = { ...base, chatLimiter: createChatRateLimiter(pools[0]!) };
afterAll(async () => {
	await base.close();
	await Promise.all(pools.map((p) => p.end()));
});

let clientSeq = 0;
const clientId = () => `client-${Date.now()}-${clientSeq++}`;

/** A room with one participant in its open session (the token step opens it). */
async function joinedRoom(name = 'Ada') {
	const created = await createRoom(ctx);
	if (!created.ok) throw new Error(created.reason);
	const code = created.room.code;
	const joined = await joinRoom(ctx, { code, displayName: name, isHost: true });
	if (!joined.ok) throw new Error(joined.reason);
	const token = await issueToken(ctx, code, joined.participant.id);
	if (!token.ok) throw new Error(token.reason);
	return { room: created.room, code, participant: joined.participant, token };
}

async function send(code: string, participantId: string | null, text: string, id = clientId(), context = ctx) {
	return sendMessage(context, { code, participantId, text, clientId: id });
}

function sent(result: Awaited<ReturnType<typeof sendMessage>>): ChatMessage {
	if (!result.ok) throw new Error(`send failed: ${result.reason}`);
	return result.message;
}

describe('sendMessage', () => {
	it('stores the message, then broadcasts it to the room on the chat topic', async () => {
		const { code, participant, token } = await joinedRoom();
		const listener = new RtcRoom();
		await listener.connect(token.wsUrl, token.token, { autoSubscribe: false, dynacast: false });
		try {
			const received = new Promise<{ message: ChatMessage; storedWhenReceived: boolean; topic?: string; fromServer: boolean }>((resolve) => {
				listener.on(RoomEvent.DataReceived, async (payload, from, _kind, topic) => {
					const message = JSON.parse(new TextDecoder().decode(payload)) as ChatMessage;
					const stored = await ctx.db.selectFrom('chat_messages').select('id').where('id', '=', String(message.seq)).executeTakeFirst();
					resolve({ message, storedWhenReceived: stored !== undefined, topic, fromServer: from === undefined });
				});
			});

			const message = sent(await send(code, participant.id, '  hello <b>there</b>  '));
			expect(message).toMatchObject({ senderIdentity: participant.identity, senderName: 'Ada', text: 'hello <b>there</b>' });
			expect(new Date(message.sentAt).toISOString()).toBe(message.sentAt);

			const got = await received;
			expect(got).toEqual({ message, storedWhenReceived: true, topic: 'chat', fromServer: true });
		} finally {
			await listener.disconnect();
		}
	});

	it('keeps the message when the broadcast fails', async () => {
		const { code, participant } = await joinedRoom();
		const broken = { sendData: () => Promise.reject(new Error('LiveKit is down')) } as unknown as RoomServiceClient;
		const message = sent(await send(code, participant.id, 'still here', clientId(), { ...ctx, livekit: broken }));
		expect((await chatHistory(ctx, { code, participantId: participant.id }))?.map((m) => m.seq)).toEqual([message.seq]);
	});

	it('returns the original for a resend with the same client id (no duplicate)', async () => {
		const { code, participant } = await joinedRoom();
		const id = clientId();
		const first = sent(await send(code, participant.id, 'once', id));
		const again = sent(await send(code, participant.id, 'once', id));
		expect(again).toEqual(first);
		expect(await chatHistory(ctx, { code, participantId: participant.id })).toEqual([first]);
	});

	it('orders messages by server sequence', async () => {
		const { code, participant } = await joinedRoom();
		const seqs = [];
		for (const text of ['one', 'two', 'three']) seqs.push(sent(await send(code, participant.id, text)).seq);
		expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
		expect((await chatHistory(ctx, { code, participantId: participant.id }))?.map((m) => m.text)).toEqual(['one', 'two', 'three']);
	});

	it('rejects empty and too long messages', async () => {
		const { code, participant } = await joinedRoom();
		expect(await send(code, participant.id, '')).toEqual({ ok: false, reason: 'empty' });
		expect(await send(code, participant.id, ' \n\t ')).toEqual({ ok: false, reason: 'empty' });
		expect(await send(code, participant.id, 'x'.repeat(2001))).toEqual({ ok: false, reason: 'too_long' });
		expect(sent(await send(code, participant.id, ` ${'x'.repeat(2000)} `)).text).toHaveLength(2000);
	});

	it('refuses anyone not in the room’s current session', async () => {
		const { code, participant } = await joinedRoom();
		const other = await joinedRoom();
		expect(await send(code, null, 'hi')).toEqual({ ok: false, reason: 'not_joined' });
		expect(await send(code, other.participant.id, 'hi')).toEqual({ ok: false, reason: 'not_joined' });
		expect(await chatHistory(ctx, { code, participantId: other.participant.id })).toBeNull();

		// Passed the join step but never took a token: not in the session yet.
		const guest = await joinRoom(ctx, { code, displayName: 'Guest', isHost: false });
		if (!guest.ok) throw new Error(guest.reason);
		expect(await send(code, guest.participant.id, 'hi')).toEqual({ ok: false, reason: 'not_joined' });
		expect(sent(await send(code, participant.id, 'hi')).text).toBe('hi');
	});
});

describe('rate limit', () => {
	it('holds across two limiter instances (two app processes), per participant', async () => {
		const { code, participant } = await joinedRoom();
		const other = await joinRoom(ctx, { code, displayName: 'Bo', isHost: false });
		if (!other.ok) throw new Error(other.reason);
		await issueToken(ctx, code, other.participant.id);

		const processes: ChatContext[] = pools.map((pool) => ({ ...base, chatLimiter: createChatRateLimiter(pool, { points: 4, duration: 10 }) }));
		for (let i = 0; i < 4; i++) sent(await send(code, participant.id, `m${i}`, clientId(), processes[i % 2]));

		for (const process of processes) {
			const refused = await send(code, participant.id, 'one too many', clientId(), process);
			expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
			if (refused.ok || refused.reason !== 'rate_limited') throw new Error('expected rate_limited');
			expect(refused.retryAfterMs).toBeGreaterThan(0);
			expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
		}
		// Nothing refused was stored, and another participant has an allowance of its own.
		expect(await chatHistory(ctx, { code, participantId: participant.id })).toHaveLength(4);
		sent(await send(code, other.participant.id, 'my turn', clientId(), processes[1]));
	});

	it('starts again against an existing table (an app restart)', async () => {
		const { code, participant } = await joinedRoom();
		const restarted = { ...base, chatLimiter: createChatRateLimiter(pools[1]!) };
		sent(await send(code, participant.id, 'after restart', clientId(), restarted));

		// A database reset under a running process: the limiter recreates its table.
		await sql`DROP TABLE chat_rate_limits`.execute(ctx.db);
		sent(await send(code, participant.id, 'after reset', clientId(), restarted));
	});
});

describe('history', () => {
	it('holds only the current session; the record keeps the earlier one', async () => {
		const { room, code, participant } = await joinedRoom();
		const first = sent(await send(code, participant.id, 'in the first meeting'));
		const firstSession = (await ctx.db.selectFrom('meeting_sessions').select('id').where('room_id', '=', room.id).executeTakeFirstOrThrow()).id;

		await endOpenSession(ctx.db, room.id);
		expect(await send(code, participant.id, 'too late')).toEqual({ ok: false, reason: 'not_joined' });

		await issueToken(ctx, code, participant.id);
		expect(await chatHistory(ctx, { code, participantId: participant.id })).toEqual([]);
		const second = sent(await send(code, participant.id, 'in the second meeting'));
		expect(await chatHistory(ctx, { code, participantId: participant.id })).toEqual([second]);
		expect(await sessionChat(ctx, firstSession)).toEqual([first]);
	});
});
