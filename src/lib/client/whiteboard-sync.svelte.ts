import { RoomEvent, type RemoteParticipant, type Room } from 'livekit-client';
import { untrack } from 'svelte';
import * as Y from 'yjs';
import { m } from '#lib/paraglide/messages';
import { WHITEBOARD_MODE_TOPIC, WHITEBOARD_TOPIC, type BoardModeEvent } from '../whiteboard/sync-topics';
import { FrameAssembler } from '../whiteboard/update-frames';
import { api, ApiError } from './api';
import { WhiteboardPresence } from './whiteboard-presence.svelte';
import { sentByServer } from './server-data';

/**
 * Requests go out at most this often: the first change after a pause leaves at once, what
 * follows within the interval travels together in the next one — a fast stroke is some twenty
 * requests a second, not hundreds. The server checks each and relays it to the others.
 */
const BATCH_MS = 45;
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000];
/** A change that arrives before what it builds on waits this long for the server to have it. */
const CATCH_UP_MS = 1000;
/** After a (re)load, look once more: a change made just before may have reached the server only now. */
const SETTLE_MS = 2500;
/** The page keeps a keepalive request alive only up to 64 KiB. */
const KEEPALIVE_MAX_BYTES = 60_000;
/** Frames from the server are put together under this sender. */
const SERVER = 'server';

export type BoardStatus = 'loading' | 'ready' | 'error';

const delayFor = (attempt: number) => RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];

/** Whether state vector `a` holds changes `b` lacks. */
function isAhead(a: Uint8Array, b: Uint8Array): boolean {
	const theirs = Y.decodeStateVector(b);
	for (const [client, clock] of Y.decodeStateVector(a)) if (clock > (theirs.get(client) ?? 0)) return true;
	return false;
}

/** The state vector of everything in `a` or `b`. */
function unionVector(a: Uint8Array, b: Uint8Array): Uint8Array {
	const merged = Y.decodeStateVector(a);
	for (const [client, clock] of Y.decodeStateVector(b)) merged.set(client, Math.max(clock, merged.get(client) ?? 0));
	return Y.encodeStateVector(merged);
}

/**
 * One connection's board: loads it from the server, sends this browser's changes to the
 * server (batched, diffed against the server's state vector, one request at a time, retried
 * with backoff), which checks them and relays them to the others; applies the changes the
 * server relays — and only those: a peer's data on the board's topic is ignored, so nobody
 * can put on this board what the server would refuse. Follows the host's view-only switch.
 * On every (re)connect it reloads and re-sends what the server lacks; when the server refuses
 * a change it says so and reloads the server's board. `listen()` subscribes and returns the
 * cleanup.
 */
export class WhiteboardSync {
	#doc = $state.raw(new Y.Doc());
	/** The origin of this browser's own edits: undo tracks only these. */
	readonly origin = Symbol('local edit');
	/** Others' cursors and ours. */
	readonly presence: WhiteboardPresence;
	#status = $state<BoardStatus>('loading');
	#viewOnly = $state(false);
	#canDraw = $state(false);
	#problem = $state<string | null>(null);
	/** What the problem is about: a later load or save that succeeds clears its own kind. */
	#problemOf: 'load' | 'save' | null = null;
	#serverVector: Uint8Array | null = null;
	/** Local changes the server may not have yet. */
	#unsaved = false;
	#saving = false;
	#saveTimer: ReturnType<typeof setTimeout> | undefined;
	#saveAt = Infinity;
	#lastSentAt = 0;
	/** A gesture ended: what is left of it goes as soon as the request in flight returns. */
	#flushing = false;
	#saveAttempt = 0;
	#behind = 0;
	#loadTimer: ReturnType<typeof setTimeout> | undefined;
	#loadAttempt = 0;
	#frames = new FrameAssembler();
	#closed = false;

	constructor(
		readonly code: string,
		private readonly room: Room,
		readonly isHost: boolean
	) {
		this.presence = new WhiteboardPresence(this.#doc, room, () => this.#canDraw);
	}

	/** The board's document: replaced by the server's board when the server refused a change. */
	get doc() {
		return this.#doc;
	}
	get status() {
		return this.#status;
	}
	/** The host made the board view-only for everyone else. */
	get viewOnly() {
		return this.#viewOnly;
	}
	/** This browser may change the board (the host always may). */
	get canDraw() {
		return this.#canDraw;
	}
	/** What went wrong last, in words for the user (null when all is well). */
	get problem() {
		return this.#problem;
	}
	/** The LiveKit identity this browser's shapes are signed with. */
	get author() {
		return this.room.localParticipant.identity || 'me';
	}

	listen(): () => void {
		const room = this.room;
		const reload = () => void this.#load(true);
		const onLeft = (participant: RemoteParticipant) => this.#frames.drop(participant.identity);
		const onPageHide = () => this.#saveBeforeLeaving();
		this.#doc.on('update', this.#onDocUpdate);
		room.on(RoomEvent.DataReceived, this.#onData).on(RoomEvent.Reconnected, reload).on(RoomEvent.ParticipantDisconnected, onLeft);
		globalThis.addEventListener?.('pagehide', onPageHide);
		// Called from an $effect: what loading reads must not become its dependency.
		const stopPresence = untrack(() => this.presence.listen());
		untrack(() => void this.#load(true));
		return () => {
			this.#closed = true;
			this.#doc.off('update', this.#onDocUpdate);
			room.off(RoomEvent.DataReceived, this.#onData).off(RoomEvent.Reconnected, reload).off(RoomEvent.ParticipantDisconnected, onLeft);
			globalThis.removeEventListener?.('pagehide', onPageHide);
			for (const timer of [this.#saveTimer, this.#loadTimer]) clearTimeout(timer);
			this.#saveBeforeLeaving();
			stopPresence();
		};
	}

	/** A gesture ended: send it now rather than after the batch's pause. */
	flush(): void {
		if (!this.#unsaved) return;
		this.#flushing = true;
		this.#scheduleSave(0);
	}

	/** Host: removes every shape for everyone (the server makes the change and tells the room). */
	async clear(): Promise<void> {
		if (!this.isHost) return;
		await this.#hostCall(() => api.board.clear(this.code));
		await this.#load(); // in case the room's copy of the change does not reach us
	}

	/** Host: view-only for everyone else, or drawing for all again. */
	async setViewOnly(viewOnly: boolean): Promise<void> {
		if (!this.isHost) return;
		await this.#hostCall(() => api.board.setViewOnly(this.code, viewOnly));
		this.#viewOnly = viewOnly;
	}

	async #hostCall(call: () => Promise<unknown>) {
		try {
			this.#report(null);
			await call();
		} catch (err) {
			this.#report(err instanceof ApiError ? err.message : m.board_try_again());
			throw err;
		}
	}

	#report(problem: string | null, of: 'load' | 'save' | null = null) {
		this.#problem = problem;
		this.#problemOf = problem === null ? null : of;
	}

	/**
	 * Loads the server's board into ours (ours keeps what the server lacks, and sends it).
	 * `settle`: look once more a little later, for changes that reach the server just after.
	 */
	async #load(settle = false): Promise<void> {
		clearTimeout(this.#loadTimer);
		try {
			const board = await api.board.load(this.code);
			if (this.#closed) return;
			if (board.state.byteLength) Y.applyUpdate(this.#doc, board.state, this);
			performance.mark('wb:applied');
			this.#serverVector = board.state.byteLength ? Y.encodeStateVectorFromUpdate(board.state) : Y.encodeStateVector(new Y.Doc());
			this.#viewOnly = board.viewOnly;
			this.#canDraw = board.canDraw;
			this.#status = 'ready';
			this.#loadAttempt = 0;
			if (this.#problemOf === 'load') this.#report(null);
			if (board.canDraw && (this.#unsaved || isAhead(Y.encodeStateVector(this.#doc), this.#serverVector))) {
				this.#unsaved = true;
				this.#scheduleSave(0);
			}
			if (this.#hasGaps()) this.#scheduleLoad(CATCH_UP_MS);
			else if (settle) this.#scheduleLoad(SETTLE_MS);
		} catch (err) {
			if (this.#closed) return;
			if (this.#status !== 'ready') this.#status = 'error';
			this.#report(m.board_load_failed({ reason: (err as Error).message }), 'load');
			this.#scheduleLoad(delayFor(this.#loadAttempt++), settle);
		}
	}

	#scheduleLoad(delay: number, settle = false) {
		clearTimeout(this.#loadTimer);
		if (!this.#closed) this.#loadTimer = setTimeout(() => void this.#load(settle), delay);
	}

	/** Some change we hold waits for one we never got (sent before we joined, or lost). */
	#hasGaps(): boolean {
		return Boolean(this.#doc.store.pendingStructs || this.#doc.store.pendingDs);
	}

	#onDocUpdate = (_update: Uint8Array, origin: unknown) => {
		// Ours: edits, and undo/redo (whose origin is the UndoManager). Loads and the server's relays arrive with `this`.
		if (origin === this) return;
		this.#unsaved = true;
		this.#scheduleSave(this.#untilNextSend());
	};

	/** How long until a request may leave (now, after a pause; else when the interval since the last one is over). */
	#untilNextSend(): number {
		return Math.max(0, this.#lastSentAt + BATCH_MS - Date.now());
	}

	#onData = (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string, _encryption?: unknown, identity?: string) => {
		// Only the server decides who may draw, and only the server's copy of a change is applied.
		if (!sentByServer(participant, identity)) return;
		if (topic === WHITEBOARD_MODE_TOPIC) return this.#applyMode(payload);
		if (topic !== WHITEBOARD_TOPIC) return;
		const update = this.#frames.push(SERVER, payload);
		if (!update) return;
		try {
			Y.applyUpdate(this.#doc, update, this);
		} catch {
			return; // not a board update
		}
		// The server has what it relays: the next diff need not carry it.
		if (this.#serverVector) this.#serverVector = unionVector(this.#serverVector, Y.encodeStateVectorFromUpdate(update));
		if (this.#hasGaps()) this.#scheduleLoad(CATCH_UP_MS);
	};

	#applyMode(payload: Uint8Array) {
		try {
			const { viewOnly } = JSON.parse(new TextDecoder().decode(payload)) as BoardModeEvent;
			if (typeof viewOnly !== 'boolean') return;
			this.#viewOnly = viewOnly;
			this.#canDraw = !viewOnly || this.isHost;
			if (this.#canDraw && this.#unsaved) this.#scheduleSave(0);
		} catch {
			// not ours
		}
	}

	/** Saves after `delay`, unless a save is already due sooner. */
	#scheduleSave(delay: number) {
		if (this.#closed) return;
		const at = Date.now() + delay;
		if (this.#saveTimer !== undefined && this.#saveAt <= at) return;
		clearTimeout(this.#saveTimer);
		this.#saveAt = at;
		this.#saveTimer = setTimeout(() => {
			this.#saveTimer = undefined;
			this.#saveAt = Infinity;
			void this.#save();
		}, delay);
	}

	/** POSTs what the server lacks; one request at a time, again while changes keep coming. */
	async #save(): Promise<void> {
		if (this.#saving || !this.#unsaved || !this.#canDraw || !this.#serverVector) return;
		this.#saving = true;
		this.#lastSentAt = Date.now();
		this.#flushing = false;
		this.#unsaved = false; // changes made while this request flies need another
		let retryIn: number | null = null;
		try {
			const answer = await api.board.save(this.code, Y.encodeStateAsUpdate(this.#doc, this.#serverVector));
			this.#saveAttempt = 0;
			if (answer.kind === 'saved') {
				// The server may have relayed newer changes to us while this request flew.
				this.#serverVector = unionVector(answer.stateVector, this.#serverVector);
				this.#behind = 0;
				if (this.#problemOf === 'save') this.#report(null);
			} else if (answer.kind === 'behind') {
				// Re-diff against what the server really has; twice behind means we hold a change
				// built on one we lack: load the server's board first.
				this.#serverVector = answer.stateVector;
				this.#unsaved = true;
				if (++this.#behind >= 2) {
					retryIn = delayFor(this.#behind);
					this.#scheduleLoad(0);
				} else retryIn = 0;
			} else if (answer.kind === 'refused') {
				await this.#recover(answer.message);
			} else {
				this.#report(m.board_not_saved({ reason: answer.message }), 'save');
			}
		} catch (err) {
			this.#unsaved = true;
			retryIn = delayFor(this.#saveAttempt++);
			this.#report(m.board_not_saved_retrying({ reason: (err as Error).message }), 'save');
		} finally {
			this.#saving = false;
		}
		if (retryIn !== null) this.#scheduleSave(retryIn);
		else if (this.#unsaved) this.#scheduleSave(this.#flushing ? 0 : this.#untilNextSend());
	}

	/**
	 * The server refused a change of ours (a limit, or a shape it does not accept): it is in
	 * our document and would be in every diff we send, so the board starts again from the
	 * server's copy, and the person is told what was not kept.
	 */
	async #recover(message: string): Promise<void> {
		try {
			const board = await api.board.load(this.code);
			if (this.#closed) return;
			const fresh = new Y.Doc();
			if (board.state.byteLength) Y.applyUpdate(fresh, board.state, this);
			this.#doc.off('update', this.#onDocUpdate);
			fresh.on('update', this.#onDocUpdate);
			this.#doc = fresh;
			this.#serverVector = board.state.byteLength ? Y.encodeStateVectorFromUpdate(board.state) : Y.encodeStateVector(new Y.Doc());
			this.#unsaved = false;
			this.#report(m.board_change_not_kept({ reason: message }));
		} catch (err) {
			this.#report(m.board_not_saved_reload_failed({ reason: message, error: (err as Error).message }), 'save');
			this.#scheduleLoad(delayFor(this.#loadAttempt++));
		}
	}

	/** The panel closes or the page goes away: hand the server what it lacks, without waiting. */
	#saveBeforeLeaving() {
		if (!this.#unsaved || !this.#canDraw || !this.#serverVector) return;
		const update = Y.encodeStateAsUpdate(this.#doc, this.#serverVector);
		this.#unsaved = false;
		void api.board.save(this.code, update, update.byteLength <= KEEPALIVE_MAX_BYTES).catch(() => undefined);
	}
}
