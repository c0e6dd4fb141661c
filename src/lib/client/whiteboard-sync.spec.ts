import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Room } from 'livekit-client';
import { addShape, appendPoints, createBoard } from '../whiteboard/board-doc';
import { readShapes, shapesMap } from '../whiteboard/board-read';
import { validateUpdate } from '../whiteboard/board-updates';
import { pen, rect } from '../whiteboard/fixtures';
import { WHITEBOARD_AWARENESS_TOPIC, WHITEBOARD_MODE_TOPIC, WHITEBOARD_TOPIC } from '../whiteboard/sync-topics';
import { toFrames } from '../whiteboard/update-frames';
import { WhiteboardSync } from './whiteboard-sync.svelte';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The board endpoints over one Y.Doc, answering as the real routes do. */
class FakeServer {
	doc = createBoard();
	viewOnly = false;
	posts: Uint8Array[] = [];
	/** Answers queued for the next POSTs (status codes), before the normal answer. */
	failNext: number[] = [];

	fetch = vi.fn(async (url: string, init?: RequestInit) => {
		if (!init?.method) return Response.json({ state: base64(Y.encodeStateAsUpdate(this.doc)), viewOnly: this.viewOnly, canDraw: !this.viewOnly });
		const update = init.body as Uint8Array;
		this.posts.push(update);
		const status = this.failNext.shift();
		const vector = base64(Y.encodeStateVector(this.doc));
		if (status === 409) return Response.json({ stateVector: vector }, { status });
		if (status) return Response.json({ message: 'down' }, { status });
		if (this.viewOnly) return Response.json({ message: 'view-only' }, { status: 403 });
		const verdict = validateUpdate(Y.encodeStateAsUpdate(this.doc), update);
		if (!verdict.ok && verdict.reason === 'missing-dependencies') return Response.json({ stateVector: vector }, { status: 409 });
		if (!verdict.ok) return Response.json({ message: verdict.reason }, { status: 422 });
		Y.applyUpdate(this.doc, update);
		return Response.json({ stateVector: base64(Y.encodeStateVector(this.doc)) });
	});
}

/** Just enough of a LiveKit Room: events, and what the local participant publishes. */
class FakeRoom extends EventEmitter {
	state = 'connected';
	remoteParticipants = new Map<string, { identity: string; name: string }>();
	published: { data: Uint8Array; topic?: string; reliable?: boolean }[] = [];
	localParticipant = {
		identity: 'me',
		publishData: async (data: Uint8Array, options: { topic?: string; reliable?: boolean }) => {
			this.published.push({ data, ...options });
		}
	};
	board() {
		return this.published.filter((p) => p.topic === WHITEBOARD_TOPIC);
	}
}

let server: FakeServer;
let room: FakeRoom;
let stops: (() => void)[];

beforeEach(() => {
	vi.useFakeTimers();
	server = new FakeServer();
	room = new FakeRoom();
	stops = [];
	vi.stubGlobal('fetch', server.fetch);
});

afterEach(() => {
	stops.forEach((stop) => stop());
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

async function connect(isHost = false) {
	const sync = new WhiteboardSync('abc-defg-hij', room as unknown as Room, isHost);
	stops.push(sync.listen());
	await vi.advanceTimersByTimeAsync(0);
	return sync;
}

const ids = (doc: Y.Doc) => readShapes(doc).map((s) => s.id);

describe('WhiteboardSync', () => {
	it('loads the server’s board, and what this browser may do', async () => {
		addShape(server.doc, rect('r', [0, 0, 10, 10]), 'x');
		server.viewOnly = true;
		const sync = await connect();
		expect(sync.status).toBe('ready');
		expect(ids(sync.doc)).toEqual(['r']);
		expect(sync).toMatchObject({ viewOnly: true, canDraw: false });
	});

	it('sends a fast stroke to the server as a handful of requests, and publishes nothing to the others', async () => {
		const sync = await connect();
		addShape(sync.doc, pen('p', 0, 0, [[0, 0, 0.5]]), sync.origin);
		for (let i = 1; i <= 60; i++) {
			appendPoints(sync.doc, 'p', [[i, i, 0.5]], sync.origin);
			await vi.advanceTimersByTimeAsync(5); // a point every 5 ms: 300 ms of drawing
		}
		await vi.advanceTimersByTimeAsync(100);
		expect(server.posts.length).toBeGreaterThan(3);
		expect(server.posts.length).toBeLessThan(12);
		expect(readShapes(server.doc)).toEqual(readShapes(sync.doc));
		// The server relays board changes: the browser sends none as data.
		expect(room.board()).toEqual([]);
	});

	it('saves at once when a gesture ends, sending only what the server lacks', async () => {
		addShape(server.doc, rect('old', [0, 0, 10, 10]), 'x');
		const sync = await connect();
		addShape(sync.doc, rect('new', [20, 0, 10, 10]), sync.origin);
		sync.flush();
		await vi.advanceTimersByTimeAsync(0);
		expect(ids(server.doc).sort()).toEqual(['new', 'old']);
		expect(ids(createBoard(server.posts[0]))).toEqual(['new']);
	});

	it('re-diffs after a 409 and retries with backoff after a failure', async () => {
		const sync = await connect();
		server.failNext = [409, 503];
		addShape(sync.doc, rect('r', [0, 0, 10, 10]), sync.origin);
		sync.flush();
		await vi.advanceTimersByTimeAsync(10);
		expect(server.posts).toHaveLength(2); // 409, then at once again: 503
		expect(sync.problem).toMatch(/retrying/);
		await vi.advanceTimersByTimeAsync(1000);
		expect(ids(server.doc)).toEqual(['r']);
		expect(sync.problem).toBeNull();
	});

	it('applies the changes the server relays, ignores a peer’s, and never sends them back', async () => {
		const sync = await connect();
		const peer = createBoard();
		addShape(peer, rect('theirs', [0, 0, 10, 10]), 'peer');
		// A peer publishing on the board's topic itself: not applied (only the server's copy is).
		for (const frame of toFrames(Y.encodeStateAsUpdate(peer), 10)) room.emit('dataReceived', frame, { identity: 'bo' }, 0, WHITEBOARD_TOPIC);
		expect(ids(sync.doc)).toEqual([]);
		// The same change relayed by the server (framed, without a participant).
		for (const frame of toFrames(Y.encodeStateAsUpdate(peer), 10)) room.emit('dataReceived', frame, undefined, 0, WHITEBOARD_TOPIC);
		expect(ids(sync.doc)).toEqual(['theirs']);
		await vi.advanceTimersByTimeAsync(1000);
		expect(room.board()).toEqual([]);
		expect(server.posts).toEqual([]);
	});

	it('a poisoned frame from a peer changes nothing and breaks no save', async () => {
		const sync = await connect();
		const rogue = createBoard();
		rogue.getMap('secrets').set('a', 1);
		room.emit('dataReceived', toFrames(Y.encodeStateAsUpdate(rogue))[0], { identity: 'mallory' }, 0, WHITEBOARD_TOPIC);
		// The same, arriving before the browser heard Mallory joined: no participant, but LiveKit's stamp of her identity.
		room.emit('dataReceived', toFrames(Y.encodeStateAsUpdate(rogue))[0], undefined, 0, WHITEBOARD_TOPIC, undefined, 'p_mallory');
		addShape(sync.doc, rect('mine', [0, 0, 10, 10]), sync.origin);
		sync.flush();
		await vi.advanceTimersByTimeAsync(10);
		expect(ids(server.doc)).toEqual(['mine']);
		expect(sync.problem).toBeNull();
		expect([...sync.doc.share.keys()]).toEqual(['shapes']);
	});

	it('when the server refuses a change, says so and starts again from the server’s board', async () => {
		addShape(server.doc, rect('saved', [0, 0, 10, 10]), 'x');
		const sync = await connect();
		const before = sync.doc;
		// A shape the server refuses (written past addShape's checks, as a bug could).
		const bad = new Y.Map<unknown>();
		sync.doc.transact(() => {
			shapesMap(sync.doc).set('bad', bad);
			bad.set('kind', 'pen');
		}, sync.origin);
		sync.flush();
		await vi.advanceTimersByTimeAsync(10);
		expect(sync.problem).toMatch(/not kept/);
		expect(sync.doc).not.toBe(before);
		expect(ids(sync.doc)).toEqual(['saved']);
		// Drawing goes on, and is saved.
		addShape(sync.doc, rect('next', [0, 0, 10, 10]), sync.origin);
		sync.flush();
		await vi.advanceTimersByTimeAsync(10);
		expect(ids(server.doc).sort()).toEqual(['next', 'saved']);
	});

	it('follows view-only from the server only, and then sends nothing', async () => {
		const sync = await connect();
		const mode = (viewOnly: boolean) => new TextEncoder().encode(JSON.stringify({ viewOnly }));
		room.emit('dataReceived', mode(true), { identity: 'bo' }, 0, WHITEBOARD_MODE_TOPIC);
		expect(sync.canDraw).toBe(true);
		room.emit('dataReceived', mode(true), undefined, 0, WHITEBOARD_MODE_TOPIC);
		expect(sync).toMatchObject({ viewOnly: true, canDraw: false });
		sync.presence.moveCursor({ x: 5, y: 5 });
		addShape(sync.doc, rect('r', [0, 0, 10, 10]), sync.origin);
		await vi.advanceTimersByTimeAsync(1000);
		expect(room.published).toEqual([]);
		expect(server.posts).toEqual([]);
		room.emit('dataReceived', mode(false), undefined, 0, WHITEBOARD_MODE_TOPIC);
		expect(sync.canDraw).toBe(true);
	});

	it('keeps the host drawing when the board turns view-only', async () => {
		const sync = await connect(true);
		room.emit('dataReceived', new TextEncoder().encode('{"viewOnly":true}'), undefined, 0, WHITEBOARD_MODE_TOPIC);
		expect(sync).toMatchObject({ viewOnly: true, canDraw: true });
	});

	it('on reconnect, reloads and sends what the server lacks', async () => {
		const sync = await connect();
		server.failNext = [503, 503, 503];
		addShape(sync.doc, rect('offline', [0, 0, 10, 10]), sync.origin);
		sync.flush();
		await vi.advanceTimersByTimeAsync(0);
		addShape(server.doc, rect('meanwhile', [0, 0, 10, 10]), 'x');
		server.failNext = [];
		room.emit('reconnected');
		await vi.advanceTimersByTimeAsync(0);
		expect(ids(sync.doc).sort()).toEqual(['meanwhile', 'offline']);
		expect(ids(server.doc).sort()).toEqual(['meanwhile', 'offline']);
	});

	it('loads again when a change arrives before the one it builds on', async () => {
		const sync = await connect();
		const peer = createBoard();
		addShape(peer, pen('p', 0, 0, [[0, 0, 0.5]]), 'peer');
		const before = Y.encodeStateVector(peer);
		Y.applyUpdate(server.doc, Y.encodeStateAsUpdate(peer)); // saved, but its message never reached us
		appendPoints(peer, 'p', [[5, 5, 0.5]], 'peer');
		room.emit('dataReceived', toFrames(Y.encodeStateAsUpdate(peer, before))[0], undefined, 0, WHITEBOARD_TOPIC);
		expect(ids(sync.doc)).toEqual([]);
		await vi.advanceTimersByTimeAsync(1000);
		expect(readShapes(sync.doc)).toEqual(readShapes(peer));
	});

	it('shows the others’ cursors with their LiveKit names, and drops them when they leave', async () => {
		const sync = await connect();
		room.remoteParticipants.set('bo', { identity: 'bo', name: 'Bo' });
		const other = await import('y-protocols/awareness');
		const theirs = new other.Awareness(new Y.Doc());
		theirs.setLocalState({ cursor: { x: 10, y: 20 }, name: 'Impostor' });
		room.emit('dataReceived', other.encodeAwarenessUpdate(theirs, [theirs.clientID]), { identity: 'bo' }, 1, WHITEBOARD_AWARENESS_TOPIC);
		expect(sync.presence.cursors).toEqual([expect.objectContaining({ name: 'Bo', x: 10, y: 20 })]);
		room.emit('participantDisconnected', { identity: 'bo' });
		expect(sync.presence.cursors).toEqual([]);
		theirs.destroy();
	});
});
