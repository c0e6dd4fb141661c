import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { addShape, createBoard, deleteShapes } from '../../src/lib/whiteboard/board-doc';
import { readShapes, shapesMap } from '../../src/lib/whiteboard/board-read';
import { note, pen, rect } from '../../src/lib/whiteboard/fixtures';
import { Room as RtcRoom, RoomEvent } from '@livekit/rtc-node';
import type { AppContext } from '../../src/lib/server/app-context';
import { createPool } from '../../src/lib/server/db';
import { env } from '../../src/lib/server/env';
import { createLimits } from '../../src/lib/server/rate-limit/limits';
import { BOARD_LIMITS } from '../../src/lib/whiteboard/board-updates';
import { boardEditor, boardShapeCount, boardState, clearWhiteboard, submitUpdate } from '../../src/lib/server/whiteboard/whiteboard.service';
import { GENEROUS_LIMITS, joined, memberFor, newBrowser, newRoom, testContext, tokenOf } from './support';
import { FrameAssembler } from '../../src/lib/whiteboard/update-frames';
import { WHITEBOARD_TOPIC } from '../../src/lib/whiteboard/sync-topics';

const ctx = testContext();
const pool = createPool(env().DATABASE_URL, 2);
afterAll(async () => {
	await ctx.close();
	await pool.end();
});

async function boardMember(viewOnly = false) {
	const { room, host } = await newRoom(ctx);
	await joined(ctx, room, host, 'Hana');
	const guest = newBrowser();
	await joined(ctx, room, guest, 'Gus');
	const roomNow = { ...room, whiteboard_view_only: viewOnly };
	const editor = async (browser: typeof host) => {
		return boardEditor({ ...(await memberFor(ctx, room, browser)), room: roomNow });
	};
	return { room, hostBrowser: host, host: await editor(host), guest: await editor(guest) };
}

/** A browser's change: a doc at the server's state, one local edit, the difference. */
function change(serverState: Uint8Array, edit: (doc: Y.Doc) => void): Uint8Array {
	const doc = createBoard(serverState.byteLength ? serverState : undefined);
	const before = Y.encodeStateVector(doc);
	edit(doc);
	return Y.encodeStateAsUpdate(doc, before);
}

describe('the board store', () => {
	it('stores a first stroke on an empty board, then more, and serves the merged board', async () => {
		const { guest } = await boardMember();
		const first = change(new Uint8Array(), (doc) => addShape(doc, pen('a', 10, 10, [[0, 0, 0.5], [5, 5, 0.5]]), 'local'));
		expect((await submitUpdate(ctx, guest, first)).ok).toBe(true);
		const second = change(await boardState(ctx.db, guest.session.id), (doc) => addShape(doc, rect('b', [0, 0, 40, 20]), 'local'));
		expect((await submitUpdate(ctx, guest, second)).ok).toBe(true);
		expect(readShapes(createBoard(await boardState(ctx.db, guest.session.id))).map((s) => s.id).sort()).toEqual(['a', 'b']);
		expect(await boardShapeCount(ctx.db, guest.session.id)).toBe(2);
	});

	it('refuses an invalid shape, an unknown root, and a change built on changes it does not have', async () => {
		const { guest } = await boardMember();
		const invalid = change(new Uint8Array(), (doc) => {
			const shape = new Y.Map<unknown>();
			shapesMap(doc).set('x', shape);
			shape.set('kind', 'pen');
			shape.set('points', 'not points');
		});
		expect(await submitUpdate(ctx, guest, invalid)).toMatchObject({ ok: false, reason: 'invalid-shape' });

		const foreign = change(new Uint8Array(), (doc) => doc.getMap('secrets').set('a', 1));
		expect(await submitUpdate(ctx, guest, foreign)).toMatchObject({ ok: false, reason: expect.stringMatching(/root|foreign/) });

		// B drew on top of A's stroke that never reached the server.
		const peer = createBoard();
		addShape(peer, pen('a', 0, 0, [[0, 0, 0.5]]), 'peer');
		const seen = Y.encodeStateVector(peer);
		addShape(peer, rect('b', [0, 0, 10, 10]), 'peer');
		const onTop = Y.encodeStateAsUpdate(peer, seen);
		const refused = await submitUpdate(ctx, guest, onTop);
		expect(refused).toMatchObject({ ok: false, reason: 'missing-dependencies' });
		expect(await boardShapeCount(ctx.db, guest.session.id)).toBe(0);
	});

	it('refuses a guest when the board is view-only, not the host', async () => {
		const { host, guest } = await boardMember(true);
		const stroke = change(new Uint8Array(), (doc) => addShape(doc, pen('g', 0, 0, [[0, 0, 0.5]]), 'local'));
		expect(await submitUpdate(ctx, guest, stroke)).toEqual({ ok: false, reason: 'view_only' });
		expect((await submitUpdate(ctx, host, stroke)).ok).toBe(true);
	});

	it('folds many updates into one state without losing a stroke, and the host clears it', async () => {
		const { host } = await boardMember();
		for (let i = 0; i < 205; i++) {
			const update = change(await boardState(ctx.db, host.session.id), (doc) => addShape(doc, pen(`s${i}`, i, i, [[0, 0, 0.5], [1, 1, 0.5]]), 'local'));
			expect((await submitUpdate(ctx, host, update)).ok).toBe(true);
		}
		const pending = await ctx.db.selectFrom('whiteboard_updates').select('id').where('session_id', '=', host.session.id).execute();
		expect(pending.length).toBeLessThan(200);
		expect(await ctx.db.selectFrom('whiteboards').select('shapes').where('session_id', '=', host.session.id).executeTakeFirst()).toBeDefined();
		expect(await boardShapeCount(ctx.db, host.session.id)).toBe(205);

		await clearWhiteboard(ctx, host.room, host.session);
		expect(await boardShapeCount(ctx.db, host.session.id)).toBe(0);
	}, 60_000);

	it('an insert-and-delete loop does not grow the stored board: compaction drops deleted content', async () => {
		const { guest } = await boardMember();
		const big = 'x'.repeat(1900);
		for (let i = 0; i < 260; i++) {
			const state = await boardState(ctx.db, guest.session.id);
			const update = change(state, (doc) => {
				addShape(doc, note(`n${i}`, [0, 0, 100, 100], big), 'local');
				deleteShapes(doc, [`n${i}`], 'local');
			});
			expect((await submitUpdate(ctx, guest, update)).ok).toBe(true);
		}
		const stored = await ctx.db
			.selectFrom('whiteboards')
			.select('state_bytes')
			.where('session_id', '=', guest.session.id)
			.executeTakeFirstOrThrow();
		const pending = await ctx.db
			.selectFrom('whiteboard_updates')
			.select((eb) => eb.fn.sum<string>(eb.fn('octet_length', ['update'])).as('bytes'))
			.where('session_id', '=', guest.session.id)
			.executeTakeFirstOrThrow();
		// ~500 KB of text went in and came out again; the stored board keeps only its ids.
		expect(stored.state_bytes).toBeLessThan(20_000);
		expect(Number(pending.bytes ?? 0)).toBeLessThan(300_000);
		expect((await boardState(ctx.db, guest.session.id)).byteLength).toBeLessThan(20_000);
	}, 120_000);

	it('caps the shapes one participant adds, and the rate of their changes', async () => {
		const { guest, host } = await boardMember();
		const limited: AppContext = { ...ctx, limits: createLimits(pool, { ...GENEROUS_LIMITS, whiteboard: { points: 5, seconds: 60 } }) };
		const add = async (id: string, who = guest, context: AppContext = ctx, limits = BOARD_LIMITS) =>
			submitUpdate(context, who, change(await boardState(ctx.db, who.session.id), (doc) => addShape(doc, rect(id, [0, 0, 10, 10]), 'local')), limits);
		const tight = { ...BOARD_LIMITS, maxShapesPerParticipant: 3 };
		for (const id of ['a', 'b', 'c']) expect((await add(id, guest, ctx, tight)).ok).toBe(true);
		expect(await add('d', guest, ctx, tight)).toMatchObject({ ok: false, reason: 'too-many-shapes-of-yours' });
		expect((await add('e', host, ctx, tight)).ok).toBe(true); // the host has a share of their own
		for (let i = 0; i < 5; i++) await add(`r${i}`, host, limited);
		expect(await add('r5', host, limited)).toMatchObject({ ok: false, reason: 'rate_limited' });
	});

	it('relays an accepted change to the room as the server, and nothing refused', async () => {
		const { room, hostBrowser, guest } = await boardMember();
		const { token, wsUrl } = await tokenOf(ctx, room, hostBrowser);
		const listener = new RtcRoom();
		await listener.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
		try {
			const frames = new FrameAssembler();
			const received: { update: Uint8Array; fromServer: boolean }[] = [];
			listener.on(RoomEvent.DataReceived, (payload, from, _kind, topic) => {
				if (topic !== WHITEBOARD_TOPIC) return;
				const update = frames.push('server', payload);
				if (update) received.push({ update, fromServer: from === undefined });
			});
			const foreign = change(new Uint8Array(), (doc) => doc.getMap('secrets').set('a', 1));
			expect((await submitUpdate(ctx, guest, foreign)).ok).toBe(false);
			const stroke = change(new Uint8Array(), (doc) => addShape(doc, pen('relayed', 0, 0, [[0, 0, 0.5]]), 'local'));
			expect((await submitUpdate(ctx, guest, stroke)).ok).toBe(true);
			const deadline = Date.now() + 10_000;
			while (!received.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
			expect(received).toHaveLength(1);
			expect(received[0]!.fromServer).toBe(true);
			expect(readShapes(createBoard(received[0]!.update)).map((s) => s.id)).toEqual(['relayed']);
		} finally {
			await listener.disconnect();
		}
	});
});
