import { Room as RtcRoom, RoomEvent } from '@livekit/rtc-node';
import { afterAll, describe, expect, it } from 'vitest';
import type { LobbyUpdate } from '../../src/lib/access/lobby';
import { createLobbyListener, notifyLobby } from '../../src/lib/server/access/lobby-events';
import { cancelKnock, decideKnocks, knockState, lobbyUpdate } from '../../src/lib/server/access/lobby.service';
import { meetingPeople } from '../../src/lib/server/access/people.service';
import { identityWithRole } from '../../src/lib/server/access/role.repository';
import { inCallMemberOf, maySeeSession, memberOf } from '../../src/lib/server/access/room-policy';
import { setLocked } from '../../src/lib/server/access/room-settings.service';
import { issueToken } from '../../src/lib/server/access/token.service';
import type { Room } from '../../src/lib/server/db/schema';
import { env } from '../../src/lib/server/env';
import { findOpenSession } from '../../src/lib/server/meetings/session.repository';
import { endMeeting, removeParticipant, setParticipantCohost } from '../../src/lib/server/moderation/host-controls.service';
import { createRoom } from '../../src/lib/server/rooms/room.service';
import { connected, join, joined, knocked, newBrowser, newRoom, pipelineOf, testContext, tokenOf, type TestBrowser } from './support';

const ctx = testContext();
const pipeline = pipelineOf(ctx, { enqueue: async () => undefined });
const connections: RtcRoom[] = [];
afterAll(async () => {
	await Promise.all(connections.map((c) => c.disconnect().catch(() => undefined)));
	await ctx.close();
});

async function reload(room: Room): Promise<Room> {
	return ctx.db.selectFrom('rooms').selectAll().where('id', '=', room.id).executeTakeFirstOrThrow();
}

/** A room that asks to join, its host in the call. */
async function askingRoom() {
	const { room, host } = await newRoom(ctx, { admission: 'ask' });
	const hostJoin = await joined(ctx, room, host, 'Hana Host');
	await connected(ctx, hostJoin.participant.id);
	const session = (await findOpenSession(ctx.db, room.id))!;
	return { room, host, hostJoin, session };
}

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 50));
	}
}

describe('a room that asks to join', () => {
	it('is what a new room is', async () => {
		const created = await createRoom(ctx);
		if (!created.ok) throw new Error(created.reason);
		expect(created.room.admission).toBe('ask');
	});

	it('lets the host straight in and makes a guest knock: no token, no seat, no chat until admitted', async () => {
		const { room, session } = await askingRoom();
		const guest = newBrowser();
		const knock = await knocked(ctx, room, guest, 'Gus Guest');
		expect(knock.pass.admitted_at).toBeNull();
		expect(await memberOf(ctx.db, room, guest)).toEqual({ ok: false, reason: 'in_lobby' });
		expect(await issueToken(ctx, room, guest)).toEqual({ ok: false, reason: 'in_lobby' });
		expect(await knockState(ctx, room, guest)).toEqual({ state: 'waiting', hostPresent: true });
		expect((await lobbyUpdate(ctx.db, room, session.id)).waiting.map((k) => k.name)).toEqual(['Gus Guest']);
		expect((await meetingPeople(ctx.db, session.id)).find((p) => p.name === 'Gus Guest')).toMatchObject({ state: 'waiting', knockId: knock.pass.id });

		expect(await decideKnocks(ctx, room, session.id, 'admit', [knock.pass.id])).toEqual({ ok: true, admitted: 1, denied: 0, full: 0 });
		const admitted = await knockState(ctx, room, guest);
		expect(admitted.state).toBe('admitted');
		if (admitted.state !== 'admitted' || !admitted.token) throw new Error('no token');
		expect(admitted.token.identity).toBe(knock.participant.identity);
		expect((await lobbyUpdate(ctx.db, room, session.id)).total).toBe(0);
		// A reload after being let in comes back without knocking.
		expect(await join(ctx, room, guest, 'Gus Guest')).toMatchObject({ ok: true, via: 'direct' });
	});

	it('a knock from the same browser keeps its place; deny makes that browser wait before asking again', async () => {
		const { room, session } = await askingRoom();
		const guest = newBrowser();
		const first = await knocked(ctx, room, guest, 'Gus');
		const again = await knocked(ctx, room, guest, 'Gus (reloaded)');
		expect(again.pass.id).toBe(first.pass.id);
		expect((await lobbyUpdate(ctx.db, room, session.id)).waiting.map((k) => k.name)).toEqual(['Gus (reloaded)']);

		expect(await decideKnocks(ctx, room, session.id, 'deny', [first.pass.id])).toMatchObject({ ok: true, denied: 1 });
		const denied = await knockState(ctx, room, guest);
		expect(denied).toMatchObject({ state: 'denied' });
		if (denied.state === 'denied') expect(denied.message).toMatch(/The host did not let you in\. You can ask again in \d+ s\./);
		expect(await join(ctx, room, guest, 'Gus')).toMatchObject({ ok: false, reason: 'rate_limited' });
		// Another browser is not held back by it.
		await knocked(ctx, room, newBrowser(), 'Someone else');
	});

	it('the knocker can cancel; an unanswered knock expires; the end of the meeting ends the wait', async () => {
		const { room, session } = await askingRoom();
		const canceller = newBrowser();
		await knocked(ctx, room, canceller, 'Cancels');
		await cancelKnock(ctx, room, canceller);
		expect(await knockState(ctx, room, canceller)).toMatchObject({ state: 'cancelled' });

		const slow = newBrowser();
		const slowKnock = await knocked(ctx, room, slow, 'Waits too long');
		await ctx.db.updateTable('join_passes').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', slowKnock.pass.id).execute();
		expect(await knockState(ctx, room, slow)).toMatchObject({ state: 'expired' });
		expect((await lobbyUpdate(ctx.db, room, session.id)).total).toBe(0);
		expect(await decideKnocks(ctx, room, session.id, 'admit', [slowKnock.pass.id])).toMatchObject({ admitted: 0 });

		const waiting = newBrowser();
		await knocked(ctx, room, waiting, 'Still waiting');
		await endMeeting(pipeline, room);
		expect(await knockState(ctx, room, waiting)).toMatchObject({ state: 'ended', message: 'This meeting has ended.' });
	});

	it('limits knocks per address and room, and per room', async () => {
		const { room } = await askingRoom();
		const tight = testContext({ knockClient: { points: 2, seconds: 600 }, knockRoom: { points: 3, seconds: 60 } });
		try {
			const knockFrom = (address: string) => join(tight, room, newBrowser(), 'Knocker', '', address);
			expect(await knockFrom('192.0.2.50')).toMatchObject({ ok: true, via: 'lobby' });
			expect(await knockFrom('192.0.2.50')).toMatchObject({ ok: true, via: 'lobby' });
			// A fresh browser each time, same address: the third is refused.
			expect(await knockFrom('192.0.2.50')).toMatchObject({ ok: false, reason: 'rate_limited' });
			// Another address gets the room's last knock; then the room is full of knocks for the minute.
			expect(await knockFrom('192.0.2.51')).toMatchObject({ ok: true, via: 'lobby' });
			expect(await knockFrom('192.0.2.52')).toMatchObject({ ok: false, reason: 'rate_limited' });
		} finally {
			await tight.close();
		}
	});

	it('tells the knocker when no host is there to answer', async () => {
		const { room, host } = await newRoom(ctx, { admission: 'ask' });
		await joined(ctx, room, host, 'Hana'); // joined, never connected
		const guest = newBrowser();
		await knocked(ctx, room, guest, 'Early');
		expect(await knockState(ctx, room, guest)).toEqual({ state: 'waiting', hostPresent: false });
	});

	it('"admit all" lets in as many as there are seats; the rest keep waiting', async () => {
		const { room, session } = await askingRoom();
		await ctx.db.updateTable('rooms').set({ max_participants: 3 }).where('id', '=', room.id).execute();
		const browsers = [newBrowser(), newBrowser(), newBrowser()];
		for (const [i, b] of browsers.entries()) await knocked(ctx, room, b, `K${i}`);
		// The host holds one seat (connected); two are free.
		expect(await decideKnocks(ctx, room, session.id, 'admit', 'all')).toEqual({ ok: true, admitted: 2, denied: 0, full: 1 });
		expect((await lobbyUpdate(ctx.db, room, session.id)).waiting.map((k) => k.name)).toEqual(['K2']);
	});

	it('locking turns away the knocks waiting, and refuses new ones', async () => {
		const { room } = await askingRoom();
		const guest = newBrowser();
		await knocked(ctx, room, guest, 'Late');
		const locked = await setLocked(ctx, room, true);
		expect(await knockState(ctx, room, guest)).toMatchObject({ state: 'denied' });
		expect(await join(ctx, locked, newBrowser(), 'Later')).toEqual({ ok: false, reason: 'locked' });
	});

	it('sends the hosts in the call the waiting list as LiveKit data from the server, and nobody else', async () => {
		const { room, host, hostJoin, session } = await askingRoom();
		const guestIn = newBrowser();
		const inside = await knocked(ctx, room, guestIn, 'Inside');
		await decideKnocks(ctx, room, session.id, 'admit', [inside.pass.id]);
		await connected(ctx, inside.participant.id);
		const listen = async (browser: TestBrowser) => {
			const { token, wsUrl } = await tokenOf(ctx, room, browser);
			const rtc = new RtcRoom();
			connections.push(rtc);
			const got: { update: LobbyUpdate; fromServer: boolean }[] = [];
			rtc.on(RoomEvent.DataReceived, (payload, from, _kind, topic) => {
				if (topic === 'lobby') got.push({ update: JSON.parse(new TextDecoder().decode(payload)), fromServer: from === undefined });
			});
			await rtc.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
			return got;
		};
		const [hostGot, guestGot] = [await listen(host), await listen(guestIn)];
		expect(hostJoin.participant.session_id).toBe(session.id);
		await knocked(ctx, room, newBrowser(), 'Knocker');
		await eventually(() => hostGot.length > 0);
		expect(hostGot[0]).toMatchObject({ fromServer: true, update: { type: 'lobby', total: 1, waiting: [expect.objectContaining({ name: 'Knocker' })] } });
		await new Promise((r) => setTimeout(r, 500));
		expect(guestGot).toEqual([]);
	});

	it('wakes every app process listening (PostgreSQL NOTIFY), each for its own rooms', async () => {
		const [a, b] = [createLobbyListener(env().DATABASE_URL), createLobbyListener(env().DATABASE_URL)];
		try {
			const woke: string[] = [];
			const off = [a.subscribe('room-1', () => woke.push('a1')), b.subscribe('room-1', () => woke.push('b1')), b.subscribe('room-2', () => woke.push('b2'))];
			await new Promise((r) => setTimeout(r, 300)); // LISTEN in place
			woke.length = 0;
			await notifyLobby(ctx.db, 'room-1');
			await eventually(() => woke.length >= 2);
			expect(woke.sort()).toEqual(['a1', 'b1']);
			off.forEach((unsubscribe) => unsubscribe());
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});
});

describe('a removal that holds', () => {
	it('a removed guest in a fresh browser profile knocks (flagged from the same address) instead of walking in', async () => {
		const { room, host } = await newRoom(ctx); // an open room
		await connected(ctx, (await joined(ctx, room, host, 'Hana')).participant.id);
		const guest = newBrowser();
		const removed = await admitAs(room, guest, 'Gus', '203.0.113.9');
		expect(await removeParticipant(ctx, room, removed.identity, 'host')).toEqual({ ok: true });

		// A private window: a new browser id, any name, same network.
		const fresh = newBrowser();
		const again = await join(ctx, room, fresh, 'Totally New', '', '203.0.113.9');
		expect(again).toMatchObject({ ok: true, via: 'lobby' });
		const session = (await findOpenSession(ctx.db, room.id))!;
		expect(session.lobby_forced_at).toBeInstanceOf(Date);
		expect((await lobbyUpdate(ctx.db, room, session.id)).waiting).toEqual([expect.objectContaining({ name: 'Totally New', fromRemovedAddress: true })]);
		// Someone new from elsewhere knocks too, unflagged; the same browser is still refused outright.
		await join(ctx, room, newBrowser(), 'Elsewhere', '', '198.51.100.20');
		expect((await lobbyUpdate(ctx.db, room, session.id)).waiting.map((k) => [k.name, k.fromRemovedAddress])).toEqual([
			['Totally New', true],
			['Elsewhere', false]
		]);
		expect(await join(ctx, room, guest, 'Gus')).toEqual({ ok: false, reason: 'removed' });
	});
});

/** Joins through an open room from `address` and returns the participant. */
async function admitAs(room: Room, browser: TestBrowser, name: string, address: string) {
	const result = await join(ctx, room, browser, name, '', address);
	if (!result.ok || result.via !== 'direct') throw new Error('not admitted');
	return result.participant;
}

describe('membership means being in the call', () => {
	it('a ghost (a pass, never in the call) gets no chat, board or screen share, and no record', async () => {
		const { room, host } = await newRoom(ctx);
		await connected(ctx, (await joined(ctx, room, host, 'Hana')).participant.id);
		const ghost = newBrowser();
		await joined(ctx, room, ghost, 'Ghost');
		expect((await memberOf(ctx.db, room, ghost)).ok).toBe(true); // may still fetch a token to connect
		expect(await inCallMemberOf(ctx, room, ghost)).toEqual({ ok: false, reason: 'not_in_call' });
		const session = (await findOpenSession(ctx.db, room.id))!;
		expect((await meetingPeople(ctx.db, session.id)).find((p) => p.name === 'Ghost')).toMatchObject({ state: 'connecting' });

		const real = newBrowser();
		const realJoin = await joined(ctx, room, real, 'Real');
		await connected(ctx, realJoin.participant.id);
		expect((await inCallMemberOf(ctx, room, real)).ok).toBe(true);

		await endMeeting(pipeline, room);
		expect(await maySeeSession(ctx, room, session, ghost)).toBe(false);
		expect(await maySeeSession(ctx, room, session, real)).toBe(true);
		expect(await maySeeSession(ctx, room, session, host)).toBe(true);
	});

	it('someone LiveKit has just connected, before its webhook, is in the call (LiveKit is asked)', async () => {
		const { room } = await newRoom(ctx);
		const guest = newBrowser();
		const { participant } = await joined(ctx, room, guest, 'Quick');
		const { token, wsUrl } = await tokenOf(ctx, room, guest);
		const rtc = new RtcRoom();
		connections.push(rtc);
		await rtc.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
		expect((await ctx.db.selectFrom('participants').select('joined_at').where('id', '=', participant.id).executeTakeFirstOrThrow()).joined_at).toBeNull();
		expect((await inCallMemberOf(ctx, room, guest)).ok).toBe(true);
		expect((await ctx.db.selectFrom('participants').select('joined_at').where('id', '=', participant.id).executeTakeFirstOrThrow()).joined_at).toBeInstanceOf(Date);
	});

	it('someone LiveKit has just connected, before its webhook, may see the meeting’s record (LiveKit is asked); a ghost may not', async () => {
		const { room } = await newRoom(ctx);
		const guest = newBrowser();
		const { participant } = await joined(ctx, room, guest, 'Quick');
		const ghost = newBrowser();
		await joined(ctx, room, ghost, 'Ghost');
		const session = (await findOpenSession(ctx.db, room.id))!;
		const { token, wsUrl } = await tokenOf(ctx, room, guest);
		const rtc = new RtcRoom();
		connections.push(rtc);
		await rtc.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
		expect((await ctx.db.selectFrom('participants').select('joined_at').where('id', '=', participant.id).executeTakeFirstOrThrow()).joined_at).toBeNull();
		expect(await maySeeSession(ctx, room, session, guest)).toBe(true);
		expect(await maySeeSession(ctx, room, session, ghost)).toBe(false);
	});
});

describe('co-hosts', () => {
	it('the host names one; their role, rights and LiveKit metadata follow; they remove guests, not hosts or co-hosts', async () => {
		const { room, host } = await newRoom(ctx);
		const hostJoin = await joined(ctx, room, host, 'Hana');
		const cora = newBrowser();
		const coraJoin = await joined(ctx, room, cora, 'Cora');
		const guest = newBrowser();
		const guestJoin = await joined(ctx, room, guest, 'Gus');
		const other = newBrowser();
		const otherJoin = await joined(ctx, room, other, 'Olga');
		const { token, wsUrl } = await tokenOf(ctx, room, cora);
		const rtc = new RtcRoom();
		connections.push(rtc);
		await rtc.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });

		expect(await setParticipantCohost(ctx, room, coraJoin.participant.identity, true)).toEqual({ ok: true });
		expect((await identityWithRole(ctx.db, coraJoin.participant.identity))?.role).toBe('cohost');
		expect((await memberOf(ctx.db, room, cora)).ok && (await memberOf(ctx.db, room, cora))).toMatchObject({ member: { role: 'cohost' } });
		const inLivekit = (await ctx.livekit.listParticipants(room.code)).find((p) => p.identity === coraJoin.participant.identity);
		expect(JSON.parse(inLivekit!.metadata)).toEqual({ role: 'cohost' });
		expect(await setParticipantCohost(ctx, room, hostJoin.participant.identity, true)).toEqual({ ok: false, reason: 'is_host' });

		await setParticipantCohost(ctx, room, otherJoin.participant.identity, true);
		expect(await removeParticipant(ctx, room, hostJoin.participant.identity, 'cohost')).toEqual({ ok: false, reason: 'is_host' });
		expect(await removeParticipant(ctx, room, otherJoin.participant.identity, 'cohost')).toEqual({ ok: false, reason: 'not_allowed' });
		expect(await removeParticipant(ctx, room, guestJoin.participant.identity, 'cohost')).toEqual({ ok: true });
		expect(await memberOf(ctx.db, room, guest)).toEqual({ ok: false, reason: 'removed' });

		// Taken back: a guest again.
		await setParticipantCohost(ctx, room, coraJoin.participant.identity, false);
		await eventually(async () => JSON.parse((await ctx.livekit.listParticipants(room.code)).find((p) => p.identity === coraJoin.participant.identity)!.metadata).role === 'guest');
	});

	it('a host link made anew takes host rights from the other devices at once (the one host session source)', async () => {
		const { room, host } = await newRoom(ctx);
		const hostJoin = await joined(ctx, room, host, 'Hana');
		expect((await identityWithRole(ctx.db, hostJoin.participant.identity))?.role).toBe('host');
		await ctx.db.updateTable('host_sessions').set({ revoked_at: new Date() }).where('id', '=', host.hostSessionId!).execute();
		expect((await identityWithRole(ctx.db, hostJoin.participant.identity))?.role).toBe('guest');
	});
});

describe('abuse limits that never lock out the right person', () => {
	it('a guest may not take the name of the meeting’s host', async () => {
		const { room, host } = await newRoom(ctx);
		await joined(ctx, room, host, 'Hana Host');
		expect(await join(ctx, room, newBrowser(), 'hana  HOST')).toEqual({ ok: false, reason: 'name_taken' });
		expect(await join(ctx, room, newBrowser(), '\u202Etsoh anah')).toMatchObject({ ok: true });
		const cleaned = await join(ctx, room, newBrowser(), 'Eve\u0000\u200B the\u202E Guest');
		expect(cleaned.ok && cleaned.participant.display_name).toBe('Eve the Guest');
	});

	it('the right password gets in even when others spent the room’s allowance of wrong ones', async () => {
		const { room } = await newRoom(ctx);
		await ctx.db.updateTable('rooms').set({ password_hash: await (await import('../../src/lib/server/crypto/secrets')).hashPassword('open sesame') }).where('id', '=', room.id).execute();
		const locked = await reload(room);
		const tight = testContext({ passwordRoom: { points: 3, seconds: 600 }, passwordClient: { points: 2, seconds: 600 } });
		try {
			// Five addresses guess (IPv6 rotating inside one /64 counts as one address).
			const outcomes = [];
			for (const address of ['192.0.2.1', '192.0.2.2', '2001:db8:7:7::1', '2001:db8:7:7::2', '2001:db8:7:7::3']) {
				outcomes.push(await join(tight, locked, newBrowser(), 'Guesser', 'wrong', address));
			}
			// Three wrong ones spend the room's allowance; the fourth is answered "too many"; the
			// fifth comes from the fourth's /64, whose own allowance is spent: refused before hashing.
			expect(outcomes.map((o) => (o.ok ? 'in' : o.reason))).toEqual(['wrong_password', 'wrong_password', 'wrong_password', 'rate_limited', 'rate_limited']);
			// The room's allowance is spent, yet the right password from a new address gets in.
			expect(await join(tight, locked, newBrowser(), 'Invited', 'open sesame', '198.51.100.77')).toMatchObject({ ok: true });
		} finally {
			await tight.close();
		}
	});
});
