import { randomUUID } from 'node:crypto';
import { Room as RtcRoom, RoomEvent } from '@livekit/rtc-node';
import { WebhookEvent } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { memberOf } from '../../src/lib/server/access/room-policy';
import { issueToken } from '../../src/lib/server/access/token.service';
import { isHost } from '../../src/lib/server/access/room-policy';
import type { Room } from '../../src/lib/server/db/schema';
import { findOpenSession, findSessionById } from '../../src/lib/server/meetings/session.repository';
import { currentSession } from '../../src/lib/server/access/meeting-session.service';
import { endMeeting, removeParticipant } from '../../src/lib/server/moderation/host-controls.service';
import { reconcileSessions } from '../../src/lib/server/pipeline/reconcile.job';
import { findParticipant } from '../../src/lib/server/rooms/participant.repository';
import { redeemHostKey, rotateHostKey } from '../../src/lib/server/access/host-link.service';
import { applyWebhook } from '../../src/lib/server/webhooks/webhook.service';
import { join, joined, newBrowser, newRoom, pipelineOf, testContext, tokenOf } from './support';

const ctx = testContext();
const queued: string[] = [];
const pipeline = pipelineOf(ctx, { enqueue: async (name) => void queued.push(name) });
const connections: RtcRoom[] = [];
afterAll(async () => {
	await Promise.all(connections.map((c) => c.disconnect().catch(() => undefined)));
	await ctx.close();
});

function event(fields: Record<string, unknown>): WebhookEvent {
	return WebhookEvent.fromJson({ id: `EV_${randomUUID()}`, createdAt: String(Math.floor(Date.now() / 1000)), ...fields } as never);
}

async function connect(wsUrl: string, token: string): Promise<RtcRoom> {
	const room = new RtcRoom();
	connections.push(room);
	await room.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
	return room;
}

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 100));
	}
}

async function reload(room: Room): Promise<Room> {
	return ctx.db.selectFrom('rooms').selectAll().where('id', '=', room.id).executeTakeFirstOrThrow();
}

describe('a participant the host removed', () => {
	it('gets no token, no chat and no new pass for the rest of the meeting, from the same browser', async () => {
		const { room, host } = await newRoom(ctx);
		await joined(ctx, room, host, 'Hana');
		const guest = newBrowser();
		const { participant } = await joined(ctx, room, guest, 'Gus');
		await tokenOf(ctx, room, guest);

		expect(await removeParticipant(ctx, room, participant.identity)).toEqual({ ok: true });
		expect(await issueToken(ctx, room, guest)).toEqual({ ok: false, reason: 'removed' });
		expect(await memberOf(ctx.db, room, guest)).toEqual({ ok: false, reason: 'removed' });
		// Rejoin through the join step from the same browser (its cookie names the browser).
		expect(await join(ctx, room, guest, 'Gus again')).toEqual({ ok: false, reason: 'removed' });
		// Even a join pass the same browser obtained earlier under another name is dead.
		expect((await findParticipant(ctx.db, participant.id))?.removed_at).toBeInstanceOf(Date);
		// The host still works.
		expect((await issueToken(ctx, room, host)).ok).toBe(true);
	});

	it('is refused into a locked room too, and a host cannot be removed', async () => {
		const { room, host } = await newRoom(ctx);
		const hostJoin = await joined(ctx, room, host, 'Hana');
		const guest = newBrowser();
		const { participant } = await joined(ctx, room, guest, 'Gus');
		await ctx.db.updateTable('rooms').set({ locked: true }).where('id', '=', room.id).execute();
		await removeParticipant(ctx, room, participant.identity);
		expect(await issueToken(ctx, await reload(room), guest)).toEqual({ ok: false, reason: 'removed' });
		expect(await removeParticipant(ctx, room, hostJoin.participant.identity)).toEqual({ ok: false, reason: 'is_host' });
	});

	it('is disconnected again when reconnecting to LiveKit with the token they still hold (webhook and poll)', async () => {
		const { room, host } = await newRoom(ctx);
		await joined(ctx, room, host, 'Hana');
		const guest = newBrowser();
		const { participant } = await joined(ctx, room, guest, 'Gus');
		const { token, wsUrl } = await tokenOf(ctx, room, guest);
		await connect(wsUrl, token);
		await removeParticipant(ctx, room, participant.identity);
		await eventually(async () => !(await ctx.livekit.listParticipants(room.code)).some((p) => p.identity === participant.identity));

		// Back in with the old token: LiveKit lets them (the token is still valid)...
		const back = await connect(wsUrl, token);
		const disconnected = new Promise<void>((resolve) => back.once(RoomEvent.Disconnected, () => resolve()));
		// ...and the participant_joined webhook removes them again.
		expect(await applyWebhook(pipeline, event({ event: 'participant_joined', room: { name: room.code }, participant: { identity: participant.identity, sid: 'PA_back' } }))).toBe('handled');
		await disconnected;
		expect((await findParticipant(ctx.db, participant.id))?.joined_at).toBeNull();

		// With the webhook lost, the reconciliation poll does the same.
		const again = await connect(wsUrl, token);
		const disconnectedAgain = new Promise<void>((resolve) => again.once(RoomEvent.Disconnected, () => resolve()));
		await reconcileSessions(pipeline);
		await disconnectedAgain;
	});
});

describe('a locked room', () => {
	it('refuses a token to a member who never got in, and lets someone still in the call reconnect', async () => {
		const { room } = await newRoom(ctx);
		const inside = newBrowser();
		const waiting = newBrowser();
		const a = await joined(ctx, room, inside, 'Inside');
		await joined(ctx, room, waiting, 'Waiting');
		await ctx.db.updateTable('participants').set({ joined_at: new Date(), left_at: null }).where('id', '=', a.participant.id).execute();
		await ctx.db.updateTable('rooms').set({ locked: true }).where('id', '=', room.id).execute();
		const locked = await reload(room);
		expect(await issueToken(ctx, locked, waiting)).toEqual({ ok: false, reason: 'locked' });
		expect((await issueToken(ctx, locked, inside)).ok).toBe(true);
		// Left long ago: locked out like anyone new.
		await ctx.db.updateTable('participants').set({ left_at: new Date(Date.now() - 10 * 60_000) }).where('id', '=', a.participant.id).execute();
		expect(await issueToken(ctx, locked, inside)).toEqual({ ok: false, reason: 'locked' });
	});
});

describe('End for all', () => {
	it('ends the session: passes are revoked, tokens and chat refused; joining again starts a new meeting', async () => {
		const { room, host } = await newRoom(ctx);
		await joined(ctx, room, host, 'Hana');
		const guest = newBrowser();
		await joined(ctx, room, guest, 'Gus');
		const before = await findOpenSession(ctx.db, room.id);

		expect(await endMeeting(pipeline, room)).toEqual({ ok: true });
		expect((await findSessionById(ctx.db, before!.id))?.ended_at).toBeInstanceOf(Date);
		expect(await issueToken(ctx, room, guest)).toEqual({ ok: false, reason: 'ended' });
		expect(await memberOf(ctx.db, room, guest)).toEqual({ ok: false, reason: 'ended' });
		expect(await issueToken(ctx, room, host)).toEqual({ ok: false, reason: 'ended' });

		const again = await joined(ctx, room, guest, 'Gus');
		expect(again.pass.session_id).not.toBe(before!.id);
		expect((await issueToken(ctx, room, guest)).ok).toBe(true);
	});
});

describe('capacity', () => {
	it('holds at token time: parallel joins never exceed it', async () => {
		const { room } = await newRoom(ctx);
		const browsers = Array.from({ length: 8 }, () => newBrowser());
		for (const [i, b] of browsers.entries()) await joined(ctx, room, b, `P${i}`);
		await ctx.db.updateTable('rooms').set({ max_participants: 3 }).where('id', '=', room.id).execute();
		const full = await reload(room);
		const results = await Promise.all(browsers.map((b) => issueToken(ctx, full, b)));
		expect(results.filter((r) => r.ok)).toHaveLength(3);
		expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(5).fill('full'));
	});
});

describe('host sessions', () => {
	it('a new host link ends every host session made with an older one; the host who asked keeps theirs', async () => {
		const { room, host, hostKey } = await newRoom(ctx);
		const other = await redeemHostKey(ctx, room, hostKey);
		const secondDevice = newBrowser(other!.id);
		expect(await isHost(ctx.db, room, secondDevice)).toBe(true);

		const { key, hostSession } = await rotateHostKey(ctx, room, null);
		const rotated = await reload(room);
		expect(await isHost(ctx.db, rotated, secondDevice)).toBe(false);
		expect(await isHost(ctx.db, rotated, host)).toBe(false);
		expect(await isHost(ctx.db, rotated, newBrowser(hostSession.id))).toBe(true);
		expect(await redeemHostKey(ctx, rotated, hostKey)).toBeNull();
		expect(await isHost(ctx.db, rotated, newBrowser((await redeemHostKey(ctx, rotated, key))!.id))).toBe(true);
	});

	it('an expired host session is no host', async () => {
		const { room, host } = await newRoom(ctx);
		await ctx.db.updateTable('host_sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', host.hostSessionId!).execute();
		expect(await isHost(ctx.db, room, host)).toBe(false);
	});
});

describe('join passes', () => {
	it('expire unless used', async () => {
		const { room } = await newRoom(ctx);
		const guest = newBrowser();
		await joined(ctx, room, guest, 'Gus');
		await ctx.db.updateTable('join_passes').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', guest.passId!).execute();
		expect(await issueToken(ctx, room, guest)).toEqual({ ok: false, reason: 'pass_expired' });
	});
});

describe('a meeting whose room_finished webhook was lost', () => {
	it('ends when LiveKit has re-created the room: the next meeting gets a new session', async () => {
		const { room } = await newRoom(ctx);
		const guest = newBrowser();
		await joined(ctx, room, guest, 'Gus');
		const old = await findOpenSession(ctx.db, room.id);
		// LiveKit closed and re-created the room (a different sid) without telling us.
		await ctx.db.updateTable('meeting_sessions').set({ livekit_room_sid: 'RM_gone' }).where('id', '=', old!.id).execute();
		const fresh = await currentSession(ctx, room);
		expect(fresh.id).not.toBe(old!.id);
		expect((await findSessionById(ctx.db, old!.id))?.ended_at).toBeInstanceOf(Date);
		expect(await issueToken(ctx, room, guest)).toEqual({ ok: false, reason: 'ended' });
	});

	it('ends when the poll finds its LiveKit room gone', async () => {
		const { room } = await newRoom(ctx);
		await joined(ctx, room, newBrowser(), 'Gus');
		const session = await findOpenSession(ctx.db, room.id);
		await ctx.livekit.deleteRoom(room.code);
		await reconcileSessions(pipeline, Date.now() + 61_000);
		expect((await findSessionById(ctx.db, session!.id))?.ended_at).toBeInstanceOf(Date);
	});

	it('a late room_finished for an older LiveKit room never ends the newer meeting', async () => {
		const { room } = await newRoom(ctx);
		await joined(ctx, room, newBrowser(), 'Gus');
		const session = await findOpenSession(ctx.db, room.id);
		expect(await applyWebhook(pipeline, event({ event: 'room_finished', room: { name: room.code, sid: 'RM_older' } }))).toBe('handled');
		expect((await findSessionById(ctx.db, session!.id))?.ended_at).toBeNull();
		expect(await applyWebhook(pipeline, event({ event: 'room_finished', room: { name: room.code, sid: session!.livekit_room_sid } }))).toBe('handled');
		expect((await findSessionById(ctx.db, session!.id))?.ended_at).toBeInstanceOf(Date);
	});
});
