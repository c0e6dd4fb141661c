import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/server/crypto/secrets';
import { issueToken } from '../../src/lib/server/access/token.service';
import { findOpenSession } from '../../src/lib/server/meetings/session.repository';
import { join, joined, newBrowser, newRoom, testContext, tokenOf } from './support';

const ctx = testContext();
afterAll(() => ctx.close());

function claims(jwt: string): Record<string, any> {
	return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('the join step', () => {
	it('records a participant with a server-chosen identity and a pass for the open session', async () => {
		const { room } = await newRoom(ctx);
		const guest = newBrowser();
		const result = await joined(ctx, room, guest, 'Ada');
		expect(result.participant.identity).toMatch(/^p_[A-Za-z0-9_-]{16}$/);
		expect(result.participant.identity).not.toContain('Ada');
		const session = await findOpenSession(ctx.db, room.id);
		expect(result.participant).toMatchObject({ display_name: 'Ada', cohost_at: null, room_id: room.id, session_id: session!.id });
		expect(result.pass).toMatchObject({ session_id: session!.id, participant_id: result.participant.id, browser_id: guest.browserId, revoked_at: null });
		expect(result.pass.expires_at.getTime()).toBeGreaterThan(Date.now());
	});

	it('keeps the identity when the same browser joins again, not for another browser or room', async () => {
		const { room } = await newRoom(ctx);
		const bo = newBrowser();
		const first = await joined(ctx, room, bo, 'Bo');
		const again = await joined(ctx, room, bo, 'Bo B.');
		expect(again.participant.identity).toBe(first.participant.identity);
		expect(again.participant.display_name).toBe('Bo B.');

		const otherBrowser = await joined(ctx, room, newBrowser(), 'Bo');
		expect(otherBrowser.participant.identity).not.toBe(first.participant.identity);
		const { room: other } = await newRoom(ctx);
		const elsewhere = await joined(ctx, other, bo, 'Bo');
		expect(elsewhere.participant.identity).not.toBe(first.participant.identity);
	});

	it('checks the room password, except for the host', async () => {
		const { room, host } = await newRoom(ctx);
		await ctx.db.updateTable('rooms').set({ password_hash: await hashPassword('s3cret pass') }).where('id', '=', room.id).execute();
		const guarded = { ...room, password_hash: (await ctx.db.selectFrom('rooms').select('password_hash').where('id', '=', room.id).executeTakeFirstOrThrow()).password_hash };
		expect(await join(ctx, guarded, newBrowser(), 'X')).toEqual({ ok: false, reason: 'wrong_password' });
		expect(await join(ctx, guarded, newBrowser(), 'X', 's3cret')).toEqual({ ok: false, reason: 'wrong_password' });
		expect((await join(ctx, guarded, newBrowser(), 'X', 's3cret pass')).ok).toBe(true);
		expect((await join(ctx, guarded, host, 'H')).ok).toBe(true);
	});

	it('keeps guests out of a locked room but lets the host in', async () => {
		const { room, host } = await newRoom(ctx);
		const locked = { ...room, locked: true };
		expect(await join(ctx, locked, newBrowser(), 'G')).toEqual({ ok: false, reason: 'locked' });
		expect((await join(ctx, locked, host, 'H')).ok).toBe(true);
	});
});

describe('issueToken', () => {
	it('refuses anyone who has not passed the join step, and passes of other rooms', async () => {
		const { room } = await newRoom(ctx);
		expect(await issueToken(ctx, room, newBrowser())).toEqual({ ok: false, reason: 'not_joined' });
		const forged = { ...newBrowser(), passId: '00000000-0000-0000-0000-000000000000' };
		expect(await issueToken(ctx, room, forged)).toEqual({ ok: false, reason: 'not_joined' });

		const { room: other } = await newRoom(ctx);
		const eve = newBrowser();
		await joined(ctx, other, eve, 'Eve');
		expect(await issueToken(ctx, room, eve)).toEqual({ ok: false, reason: 'not_joined' });
	});

	it('mints a short-lived, least-privilege token for the server-chosen identity', async () => {
		const { room } = await newRoom(ctx);
		const ada = newBrowser();
		const { participant } = await joined(ctx, room, ada, 'Ada');
		const result = await tokenOf(ctx, room, ada);

		// Signed with our key: LiveKit's own verifier accepts it.
		const verified = await new TokenVerifier(ctx.config.LIVEKIT_API_KEY, ctx.config.LIVEKIT_API_SECRET).verify(result.token);
		expect(verified.sub).toBe(participant.identity);

		const c = claims(result.token);
		expect(c.sub).toBe(participant.identity);
		expect(c.name).toBe('Ada');
		expect(JSON.parse(c.metadata)).toEqual({ role: 'guest' });
		expect(c.exp - c.nbf).toBeLessThanOrEqual(ctx.config.LIVEKIT_TOKEN_TTL_SECONDS);
		expect(c.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(15 * 60);
		expect(c.video).toEqual({
			room: room.code,
			roomJoin: true,
			canSubscribe: true,
			canPublish: true,
			// Data: the whiteboard's changes travel between browsers (chat and room events do not: the server sends those).
			canPublishData: true,
			canUpdateOwnMetadata: false,
			canPublishSources: ['camera', 'microphone']
		});
		for (const power of ['roomAdmin', 'roomRecord', 'roomCreate', 'roomList', 'ingressAdmin', 'hidden', 'recorder']) {
			expect(c.video[power], power).toBeUndefined();
		}
		expect(c.sip).toBeUndefined();
	});

	it('lets only hosts and co-hosts publish data (draw) when the board is view-only, as the room is now', async () => {
		const { room, host } = await newRoom(ctx);
		await joined(ctx, room, host, 'Hana');
		const guest = newBrowser();
		await joined(ctx, room, guest, 'Gus');
		const cohost = newBrowser();
		const co = await joined(ctx, room, cohost, 'Cora');
		await ctx.db.updateTable('participants').set({ cohost_at: new Date() }).where('id', '=', co.participant.id).execute();
		// The room row as read under the token's lock decides, not the copy the caller holds.
		await ctx.db.updateTable('rooms').set({ whiteboard_view_only: true }).where('id', '=', room.id).execute();
		expect(claims((await tokenOf(ctx, room, guest)).token).video.canPublishData).toBe(false);
		expect(claims((await tokenOf(ctx, room, host)).token).video.canPublishData).toBe(true);
		const cohostToken = claims((await tokenOf(ctx, room, cohost)).token);
		expect(cohostToken.video.canPublishData).toBe(true);
		expect(JSON.parse(cohostToken.metadata)).toEqual({ role: 'cohost' });
	});

	it('says who is host from the live host session, not from what was stored at the join', async () => {
		const { room, host } = await newRoom(ctx);
		await joined(ctx, room, host, 'Hana');
		expect(JSON.parse(claims((await tokenOf(ctx, room, host)).token).metadata)).toEqual({ role: 'host' });
		await ctx.db.updateTable('host_sessions').set({ revoked_at: new Date() }).where('id', '=', host.hostSessionId!).execute();
		expect(JSON.parse(claims((await tokenOf(ctx, room, host)).token).metadata)).toEqual({ role: 'guest' });
	});

	it('opens one meeting session however many join at once', async () => {
		const { room } = await newRoom(ctx);
		const browsers = Array.from({ length: 8 }, () => newBrowser());
		const people = await Promise.all(browsers.map((b, i) => join(ctx, room, b, `P${i}`)));
		expect(people.every((p) => p.ok)).toBe(true);
		const tokens = await Promise.all(browsers.map((b) => issueToken(ctx, room, b)));
		expect(tokens.every((t) => t.ok)).toBe(true);
		const session = await findOpenSession(ctx.db, room.id);
		const sessions = await ctx.db.selectFrom('meeting_sessions').select('id').where('room_id', '=', room.id).execute();
		expect(sessions).toEqual([{ id: session!.id }]);
		const linked = await ctx.db.selectFrom('participants').select('session_id').where('room_id', '=', room.id).execute();
		expect(linked.every((p) => p.session_id === session!.id)).toBe(true);
	});

	it('asks LiveKit for the room once per session while someone is in it, again when nobody is', async () => {
		const { room } = await newRoom(ctx);
		let creates = 0;
		const counting = {
			...ctx,
			livekit: new Proxy(ctx.livekit, {
				get: (target, key) => (key === 'createRoom' ? (...args: Parameters<typeof target.createRoom>) => (creates++, target.createRoom(...args)) : Reflect.get(target, key))
			})
		};
		const ada = await joined(counting, room, newBrowser(), 'Ada');
		expect(creates).toBe(1);
		// LiveKit's participant_joined: Ada is in the room, so LiveKit keeps it.
		await ctx.db.updateTable('participants').set({ joined_at: new Date() }).where('id', '=', ada.participant.id).execute();
		await joined(counting, room, newBrowser(), 'Bo');
		await joined(counting, room, newBrowser(), 'Cy');
		expect(creates).toBe(1);
		// The join step's own token does not ask again; a later token (a reconnect) does.
		const dee = newBrowser();
		const deeJoined = await joined(counting, room, dee, 'Dee');
		expect((await issueToken(counting, room, dee, { justAdmitted: { pass: deeJoined.pass, hostSessionId: null } })).ok).toBe(true);
		expect(creates).toBe(1);
		expect((await issueToken(counting, room, dee)).ok).toBe(true);
		expect(creates).toBe(2);
		// Ada left: nobody is known to be in the room, and the next join makes sure it exists.
		await ctx.db.updateTable('participants').set({ left_at: new Date() }).where('id', '=', ada.participant.id).execute();
		await joined(counting, room, newBrowser(), 'Eve');
		expect(creates).toBe(3);
	});
});
