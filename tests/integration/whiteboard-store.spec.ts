import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { addShape, createBoard } from '../../src/lib/whiteboard/board-doc';
import { readShapes, shapesMap } from '../../src/lib/whiteboard/board-read';
import { pen, rect } from '../../src/lib/whiteboard/fixtures';
import { boardShapeCount, boardState, clearWhiteboard, submitUpdate } from '../../src/lib/server/whiteboard/whiteboard.service';
import { joined, memberFor, newBrowser, newRoom, testContext } from './support';

const ctx = testContext();
afterAll(() => ctx.close());

async function boardMember(viewOnly = false) {
	const { room, host } = await newRoom(ctx);
	await joined(ctx, room, host, 'Hana');
	const guest = newBrowser();
	await joined(ctx, room, guest, 'Gus');
	const roomNow = { ...room, whiteboard_view_only: viewOnly };
	return { host: { ...(await memberFor(ctx, room, host)), room: roomNow }, guest: { ...(await memberFor(ctx, room, guest)), room: roomNow } };
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
});
