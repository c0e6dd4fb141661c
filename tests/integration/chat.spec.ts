import { Room as RtcRoom, RoomEvent } from '@livekit/rtc-node';
import { sql } from 'kysely';
import type { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/lib/chat/message';
import type { AppContext } from '../../src/lib/server/app-context';
import { inCallMemberOf, memberOf } from '../../src/lib/server/access/room-policy';
import { sendMessage, sessionChat, type ChatSender } from '../../src/lib/server/chat/chat.service';
import { env } from '../../src/lib/server/env';
import { endSession } from '../../src/lib/server/access/meeting-session.service';
import { createPool } from '../../src/lib/server/db';
import { createLimits } from '../../src/lib/server/rate-limit/limits';
import { GENEROUS_LIMITS, join, joined, memberFor, newBrowser, newRoom, testContext, tokenOf } from './support';

// Two pools and two limiters: as two app processes would have.
const pools = [createPool(env().DATABASE_URL, 2), createPool(env().DATABASE_URL, 2)];
const ctx = testContext();
afterAll(async () => {
	await ctx.close();
	await Promise.all(pools.map((p) => p.end()));
});

let clientSeq = 0;
const clientId = () => `client-${Date.now()}-${clientSeq++}`;

/** A room with one participant in its open session. */
async function joinedRoom(name = 'Ada') {
	const { room, host } = await newRoom(ctx);
	await joined(ctx, room, host, name);
	const token = await tokenOf(ctx, room, host);
	return { room, browser: host, member: await memberFor(ctx, room, host), token };
}

async function send(sender: ChatSender, text: string, id = clientId(), context: AppContext = ctx, client = `test-${sender.participant.id}`) {
	return sendMessage(context, sender, { text, clientId: id, client });
}

async function history(sender: ChatSender) {
	return (await sessionChat(ctx, sender.session.id)).messages;
}

function sent(result: Awaited<ReturnType<typeof sendMessage>>): ChatMessage {
	if (!result.ok) throw new Error(`send failed: ${result.reason}`);
	return result.message;
}

describe('sendMessage', () => {
	it('stores the message, then broadcasts it to the room on the chat topic', async () => {
		const { member, token } = await joinedRoom();
		const { participant } = member;
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

			const message = sent(await send(member, '  hello <b>there</b>  '));
			expect(message).toMatchObject({ senderIdentity: participant.identity, senderName: 'Ada', text: 'hello <b>there</b>' });
			expect(new Date(message.sentAt).toISOString()).toBe(message.sentAt);

			const got = await received;
			expect(got).toEqual({ message, storedWhenReceived: true, topic: 'chat', fromServer: true });
		} finally {
			await listener.disconnect();
		}
	});

	it('keeps the message when the broadcast fails', async () => {
		const { member } = await joinedRoom();
		const broken = { sendData: () => Promise.reject(new Error('LiveKit is down')) } as unknown as RoomServiceClient;
		const message = sent(await send(member, 'still here', clientId(), { ...ctx, livekit: broken }));
		expect((await history(member)).map((m) => m.seq)).toEqual([message.seq]);
	});

	it('returns the original for a resend with the same client id (no duplicate)', async () => {
		const { member } = await joinedRoom();
		const id = clientId();
		const first = sent(await send(member, 'once', id));
		const again = sent(await send(member, 'once', id));
		expect(again).toEqual(first);
		expect(await history(member)).toEqual([first]);
	});

	it('orders messages by server sequence', async () => {
		const { member } = await joinedRoom();
		const seqs = [];
		for (const text of ['one', 'two', 'three']) seqs.push(sent(await send(member, text)).seq);
		expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
		expect((await history(member)).map((m) => m.text)).toEqual(['one', 'two', 'three']);
	});

	it('rejects empty and too long messages', async () => {
		const { member } = await joinedRoom();
		expect(await send(member, '')).toEqual({ ok: false, reason: 'empty' });
		expect(await send(member, ' \n\t ')).toEqual({ ok: false, reason: 'empty' });
		expect(await send(member, 'x'.repeat(2001))).toEqual({ ok: false, reason: 'too_long' });
		expect(sent(await send(member, ` ${'x'.repeat(2000)} `)).text).toHaveLength(2000);
	});

	it('is for members of the room’s current meeting only (the room policy asks the guard)', async () => {
		const { room } = await joinedRoom();
		const stranger = newBrowser();
		expect(await memberOf(ctx.db, room, stranger)).toEqual({ ok: false, reason: 'not_joined' });
		const other = await joinedRoom();
		expect(await memberOf(ctx.db, room, other.browser)).toEqual({ ok: false, reason: 'not_joined' });
		// Passed the join step: a member (enough for a token), even before a token.
		const guest = newBrowser();
		expect((await join(ctx, room, guest, 'Guest')).ok).toBe(true);
		expect((await memberOf(ctx.db, room, guest)).ok).toBe(true);
		// But chatting takes being in the call: a pass alone is refused (a ghost).
		expect(await inCallMemberOf(ctx, room, guest)).toEqual({ ok: false, reason: 'not_in_call' });
	});
});

describe('rate limit', () => {
	it('holds across two limiter instances (two app processes), per participant', async () => {
		const { room, member } = await joinedRoom();
		const bo = newBrowser();
		await joined(ctx, room, bo, 'Bo');
		const other = await memberFor(ctx, room, bo);

		const tight = { ...ctx.limits, chat: { points: 4, seconds: 10 } };
		const processes: AppContext[] = pools.map((pool) => ({
			...ctx,
			limits: createLimits(pool, { ...GENEROUS_LIMITS, chat: tight.chat })
		}));
		for (let i = 0; i < 4; i++) sent(await send(member, `m${i}`, clientId(), processes[i % 2]));

		for (const process of processes) {
			const refused = await send(member, 'one too many', clientId(), process);
			expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
			if (refused.ok || refused.reason !== 'rate_limited') throw new Error('expected rate_limited');
			expect(refused.retryAfterMs).toBeGreaterThan(0);
			expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
		}
		// Nothing refused was stored, and another participant has an allowance of its own.
		expect(await history(member)).toHaveLength(4);
		sent(await send(other, 'my turn', clientId(), processes[1]));
	});

	it('starts again against an existing table (an app restart)', async () => {
		const { member } = await joinedRoom();
		const restarted: AppContext = { ...ctx, limits: createLimits(pools[1]!, { ...GENEROUS_LIMITS, createRoom: ONE, join: ONE, token: ONE, passwordClient: ONE, passwordRoom: ONE, chat: { points: 100, seconds: 10 } }) };
		sent(await send(member, 'after restart', clientId(), restarted));

		// A database reset under a running process: the limiter recreates its table.
		await sql`DROP TABLE rate_limits`.execute(ctx.db);
		sent(await send(member, 'after reset', clientId(), restarted));
	});
});

const ONE = { points: 1, seconds: 1 };

describe('history', () => {
	it('holds only the current meeting; the record keeps the earlier one', async () => {
		const { room, browser, member } = await joinedRoom();
		const first = sent(await send(member, 'in the first meeting'));

		await endSession(ctx.db, member.session.id);
		expect(await memberOf(ctx.db, room, browser)).toEqual({ ok: false, reason: 'ended' });

		await joined(ctx, room, browser, 'Ada');
		const next = await memberFor(ctx, room, browser);
		expect(next.session.id).not.toBe(member.session.id);
		expect(await history(next)).toEqual([]);
		const second = sent(await send(next, 'in the second meeting'));
		expect(await history(next)).toEqual([second]);
		expect((await sessionChat(ctx, member.session.id)).messages).toEqual([first]);
	});

	it('comes in pages: the newest first, then "load earlier" down to the first message', async () => {
		const { member } = await joinedRoom();
		const all: ChatMessage[] = [];
		for (let i = 0; i < 7; i++) all.push(sent(await send(member, `m${i}`)));
		const newest = await sessionChat(ctx, member.session.id, { limit: 3 });
		expect(newest).toEqual({ messages: all.slice(4), hasMore: true });
		const middle = await sessionChat(ctx, member.session.id, { limit: 3, before: newest.messages[0]!.seq });
		expect(middle).toEqual({ messages: all.slice(1, 4), hasMore: true });
		const oldest = await sessionChat(ctx, member.session.id, { limit: 3, before: middle.messages[0]!.seq });
		expect(oldest).toEqual({ messages: all.slice(0, 1), hasMore: false });
	});
});

describe('chat limits per address', () => {
	it('a new participant from the same address gets no new allowance', async () => {
		const { room, member } = await joinedRoom();
		const bo = newBrowser();
		await joined(ctx, room, bo, 'Bo');
		const other = await memberFor(ctx, room, bo);
		const limited: AppContext = { ...ctx, limits: createLimits(pools[0]!, { ...GENEROUS_LIMITS, chatClient: { points: 3, seconds: 10 } }) };
		const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
		for (let i = 0; i < 3; i++) sent(await send(i % 2 ? other : member, `m${i}`, clientId(), limited, address));
		// Bo is a fresh participant, but the address has spent its allowance.
		expect(await send(other, 'one more', clientId(), limited, address)).toMatchObject({ ok: false, reason: 'rate_limited' });
		// The same address in IPv6 form rotating inside its /64 counts as one client too.
		const v6 = `2001:db8:${Math.floor(Math.random() * 9000) + 1000}:1`;
		for (let i = 0; i < 3; i++) sent(await send(member, `v${i}`, clientId(), limited, `${v6}::${i + 1}`));
		expect(await send(other, 'rotated', clientId(), limited, `${v6}:ffff:ffff:ffff:ffff`)).toMatchObject({ ok: false, reason: 'rate_limited' });
	});
});

describe('the sender\'s badge', () => {
	it('a message carries the role its sender had when it was sent', async () => {
		const { member } = await joinedRoom();
		expect(sent(await send({ ...member, role: 'host' }, 'from the host')).senderRole).toBe('host');
		expect(sent(await send({ ...member, role: 'guest' }, 'from a guest')).senderRole).toBe('guest');
		expect((await history(member)).map((m) => m.senderRole)).toEqual(['host', 'guest']);
	});
});
