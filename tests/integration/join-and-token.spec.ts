import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/server/auth/secrets';
import type { Room } from '../../src/lib/server/db/schema';
import { findOpenSession } from '../../src/lib/server/meetings/session.repository';
import { joinRoom } from '../../src/lib/server/rooms/join.service';
import { createRoom } from '../../src/lib/server/rooms/room.service';
import { issueToken } from '../../src/lib/server/rooms/token.service';
import { testContext } from './support';

const ctx = testContext();
afterAll(() => ctx.close());

async function newRoom(): Promise<Room> {
	const result = await createRoom(ctx);
	if (!result.ok) throw new Error(result.reason);
	return result.room;
}

function claims(jwt: string): Record<string, any> {
	return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('joinRoom rules', () => {
	let room: Room;
	beforeAll(async () => {
		room = await newRoom();
	});

	it('refuses an unknown code', async () => {
		expect(await joinRoom(ctx, { code: 'zzz-zzzz-zzz', displayName: 'A', isHost: false })).toEqual({ ok: false, reason: 'not_found' });
	});

	it('records a participant with a server-chosen identity', async () => {
		const result = await joinRoom(ctx, { code: room.code, displayName: 'Ada', isHost: false });
		if (!result.ok) throw new Error(result.reason);
		expect(result.participant.identity).toMatch(/^p_[A-Za-z0-9_-]{16}$/);
		expect(result.participant.identity).not.toContain('Ada');
		expect(result.participant).toMatchObject({ display_name: 'Ada', is_host: false, room_id: room.id });
	});

	it('keeps the identity when the same browser rejoins, and not across rooms', async () => {
		const first = await joinRoom(ctx, { code: room.code, displayName: 'Bo', isHost: false });
		if (!first.ok) throw new Error(first.reason);
		const again = await joinRoom(ctx, { code: room.code, displayName: 'Bo B.', isHost: false, previousParticipantId: first.participant.id });
		if (!again.ok) throw new Error(again.reason);
		expect(again.participant.identity).toBe(first.participant.identity);
		expect(again.participant.display_name).toBe('Bo B.');

		const other = await newRoom();
		const elsewhere = await joinRoom(ctx, { code: other.code, displayName: 'Bo', isHost: false, previousParticipantId: first.participant.id });
		if (!elsewhere.ok) throw new Error(elsewhere.reason);
		expect(elsewhere.participant.identity).not.toBe(first.participant.identity);
	});

	it('checks the room password, except for the host', async () => {
		const guarded = await newRoom();
		await ctx.db.updateTable('rooms').set({ password_hash: await hashPassword('s3cret pass') }).where('id', '=', guarded.id).execute();
		expect(await joinRoom(ctx, { code: guarded.code, displayName: 'X', isHost: false })).toEqual({ ok: false, reason: 'wrong_password' });
		expect(await joinRoom(ctx, { code: guarded.code, displayName: 'X', password: 's3cret', isHost: false })).toEqual({ ok: false, reason: 'wrong_password' });
		expect((await joinRoom(ctx, { code: guarded.code, displayName: 'X', password: 's3cret pass', isHost: false })).ok).toBe(true);
		expect((await joinRoom(ctx, { code: guarded.code, displayName: 'H', isHost: true })).ok).toBe(true);
	});

	it('keeps guests out of a locked room but lets the host in', async () => {
		const locked = await newRoom();
		await ctx.db.updateTable('rooms').set({ locked: true }).where('id', '=', locked.id).execute();
		expect(await joinRoom(ctx, { code: locked.code, displayName: 'G', isHost: false })).toEqual({ ok: false, reason: 'locked' });
		expect((await joinRoom(ctx, { code: locked.code, displayName: 'H', isHost: true })).ok).toBe(true);
	});
});

describe('issueToken', () => {
	it('refuses anyone who has not passed the join step', async () => {
		const room = await newRoom();
		expect(await issueToken(ctx, room.code, null)).toEqual({ ok: false, reason: 'not_joined' });
		expect(await issueToken(ctx, room.code, '00000000-0000-0000-0000-000000000000')).toEqual({ ok: false, reason: 'not_joined' });

		const other = await newRoom();
		const joinedElsewhere = await joinRoom(ctx, { code: other.code, displayName: 'Eve', isHost: false });
		if (!joinedElsewhere.ok) throw new Error(joinedElsewhere.reason);
		expect(await issueToken(ctx, room.code, joinedElsewhere.participant.id)).toEqual({ ok: false, reason: 'not_joined' });
	});

	it('mints a short-lived, least-privilege token for the server-chosen identity', async () => {
		const room = await newRoom();
		const joined = await joinRoom(ctx, { code: room.code, displayName: 'Ada', isHost: false });
		if (!joined.ok) throw new Error(joined.reason);
		const result = await issueToken(ctx, room.code, joined.participant.id);
		if (!result.ok) throw new Error(result.reason);

		// Signed with our key: LiveKit's own verifier accepts it.
		const verified = await new TokenVerifier(ctx.config.LIVEKIT_API_KEY, ctx.config.LIVEKIT_API_SECRET).verify(result.token);
		expect(verified.sub).toBe(joined.participant.identity);

		const c = claims(result.token);
		expect(c.sub).toBe(joined.participant.identity);
		expect(c.name).toBe('Ada');
		expect(c.exp - c.nbf).toBeLessThanOrEqual(ctx.config.LIVEKIT_TOKEN_TTL_SECONDS);
		expect(c.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(15 * 60);
		expect(c.video).toEqual({
			room: room.code,
			roomJoin: true,
			canSubscribe: true,
			canPublish: true,
			canPublishData: false,
			canUpdateOwnMetadata: false,
			canPublishSources: ['camera', 'microphone']
		});
		for (const power of ['roomAdmin', 'roomRecord', 'roomCreate', 'roomList', 'ingressAdmin', 'hidden', 'recorder']) {
			expect(c.video[power], power).toBeUndefined();
		}
		expect(c.sip).toBeUndefined();
	});

	it('opens one meeting session however many join at once', async () => {
		const room = await newRoom();
		const people = await Promise.all(
			Array.from({ length: 8 }, (_, i) => joinRoom(ctx, { code: room.code, displayName: `P${i}`, isHost: false }))
		);
		const tokens = await Promise.all(people.map((p) => (p.ok ? issueToken(ctx, room.code, p.participant.id) : null)));
		expect(tokens.every((t) => t?.ok)).toBe(true);
		const session = await findOpenSession(ctx.db, room.id);
		const sessions = await ctx.db.selectFrom('meeting_sessions').select('id').where('room_id', '=', room.id).execute();
		expect(sessions).toEqual([{ id: session!.id }]);
		const linked = await ctx.db.selectFrom('participants').select('session_id').where('room_id', '=', room.id).execute();
		expect(linked.every((p) => p.session_id === session!.id)).toBe(true);
	});
});
