import { afterAll, describe, expect, it } from 'vitest';
import { ROOM_CODE_PATTERN } from '../../src/lib/room-code';
import { tokenMatches } from '../../src/lib/server/crypto/secrets';
import { findRoomByCode } from '../../src/lib/server/rooms/room.repository';
import { createRoom } from '../../src/lib/server/rooms/room.service';
import { testContext } from './support';

const ctx = testContext();
afterAll(() => ctx.close());

describe('createRoom', () => {
	it('stores a room with a Meet-style code, creates it on LiveKit and opens the creator’s host session', async () => {
		const result = await createRoom(ctx, 'Standup');
		if (!result.ok) throw new Error(result.reason);
		expect(result.room.code).toMatch(ROOM_CODE_PATTERN);
		expect(await findRoomByCode(ctx.db, result.room.code)).toMatchObject({ id: result.room.id, name: 'Standup' });
		const onLivekit = await ctx.livekit.listRooms([result.room.code]);
		expect(onLivekit.map((r) => r.name)).toEqual([result.room.code]);
		expect(result.hostSession).toMatchObject({ room_id: result.room.id, generation: result.room.host_generation, revoked_at: null });
	});

	it('keeps only a hash of the host key', async () => {
		const result = await createRoom(ctx);
		if (!result.ok) throw new Error(result.reason);
		expect(result.room.host_key_hash).not.toContain(result.hostKey);
		expect(tokenMatches(result.hostKey, result.room.host_key_hash)).toBe(true);
		expect(tokenMatches(`${result.hostKey}x`, result.room.host_key_hash)).toBe(false);
	});

	it('gives every room a distinct code', async () => {
		const results = await Promise.all(Array.from({ length: 40 }, () => createRoom(ctx)));
		const codes = results.map((r) => (r.ok ? r.room.code : r.reason));
		expect(new Set(codes).size).toBe(40);
		for (const code of codes) expect(code).toMatch(ROOM_CODE_PATTERN);
	});

	it('reports LiveKit being down and leaves no half-made room behind', async () => {
		const { RoomServiceClient } = await import('livekit-server-sdk');
		const dead = new RoomServiceClient('http://127.0.0.1:1', ctx.config.LIVEKIT_API_KEY, ctx.config.LIVEKIT_API_SECRET);
		const before = await ctx.db.selectFrom('rooms').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
		const result = await createRoom({ ...ctx, livekit: dead });
		expect(result).toEqual({ ok: false, reason: 'livekit_unavailable' });
		const after = await ctx.db.selectFrom('rooms').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
	});
});
