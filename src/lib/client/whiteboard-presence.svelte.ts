import { RoomEvent, type RemoteParticipant, type Room } from 'livekit-client';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Point } from '../whiteboard/geometry';
import { WHITEBOARD_AWARENESS_TOPIC } from '../whiteboard/sync-topics';

/** Someone else's pointer on the board, in board units. */
export interface RemoteCursor {
	/** Their awareness client id: one per open board. */
	id: number;
	name: string;
	color: string;
	x: number;
	y: number;
}

/** Cursor moves are lossy and frequent: at most one message per this many ms. */
const SEND_EVERY_MS = 50;
const CURSOR_COLORS = ['#e03131', '#1971c2', '#2f9e44', '#f08c00', '#9c36b5', '#0c8599', '#c2255c'];

function colorFor(identity: string): string {
	let hash = 0;
	for (const c of identity) hash = (hash * 31 + c.charCodeAt(0)) | 0;
	return CURSOR_COLORS[Math.abs(hash) % CURSOR_COLORS.length];
}

function cursorOf(state: Record<string, unknown> | undefined): Point | null {
	const cursor = state?.cursor as Partial<Point> | null | undefined;
	return cursor && Number.isFinite(cursor.x) && Number.isFinite(cursor.y) ? { x: cursor.x!, y: cursor.y! } : null;
}

/**
 * Where the others' pointers are on the board (y-protocols awareness over a lossy LiveKit
 * topic). Names come from LiveKit, never from the message, so nobody can pose as someone
 * else. `listen()` subscribes and returns the cleanup, which tells the others we left.
 */
export class WhiteboardPresence {
	readonly awareness: Awareness;
	#cursors = $state.raw<RemoteCursor[]>([]);
	/** Awareness client ids by the LiveKit identity that sent them, to clean up when someone leaves. */
	#owners = new Map<number, string>();
	#sendTimer: ReturnType<typeof setTimeout> | undefined;
	#lastSent = 0;

	constructor(
		doc: Y.Doc,
		private readonly room: Room,
		/** Whether LiveKit lets this browser publish data now (only those who may draw). */
		private readonly maySend: () => boolean
	) {
		this.awareness = new Awareness(doc);
		this.awareness.setLocalState({ cursor: null });
	}

	/** Everyone else's cursor that is on the board. */
	get cursors(): RemoteCursor[] {
		return this.#cursors;
	}

	/** Moves this browser's cursor (board units), or takes it off the board (null). */
	moveCursor(point: Point | null): void {
		const current = cursorOf(this.awareness.getLocalState() ?? undefined);
		if (point === null && current === null) return;
		this.awareness.setLocalStateField('cursor', point && { x: Math.round(point.x), y: Math.round(point.y) });
	}

	listen(): () => void {
		const onData = (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
			if (topic !== WHITEBOARD_AWARENESS_TOPIC || !participant) return;
			try {
				applyAwarenessUpdate(this.awareness, payload, participant.identity);
			} catch {
				// not an awareness update: ignore
			}
		};
		const onLeft = (participant: RemoteParticipant) => {
			const ids = [...this.#owners].filter(([, identity]) => identity === participant.identity).map(([id]) => id);
			if (ids.length) removeAwarenessStates(this.awareness, ids, 'left');
		};
		const onUpdate = ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
			if (origin === 'local') this.#scheduleSend();
			else if (typeof origin === 'string' && origin !== 'left' && origin !== 'timeout') {
				for (const id of [...added, ...updated]) if (id !== this.awareness.clientID) this.#owners.set(id, origin);
			}
			for (const id of removed) this.#owners.delete(id);
			this.#refresh();
		};
		// A newcomer (or everyone, after our reconnect) learns where we are.
		const onJoined = () => this.#scheduleSend();
		this.room.on(RoomEvent.DataReceived, onData).on(RoomEvent.ParticipantDisconnected, onLeft).on(RoomEvent.ParticipantConnected, onJoined);
		this.room.on(RoomEvent.ParticipantNameChanged, this.#refresh).on(RoomEvent.Reconnected, onJoined);
		this.awareness.on('update', onUpdate);
		return () => {
			this.room.off(RoomEvent.DataReceived, onData).off(RoomEvent.ParticipantDisconnected, onLeft).off(RoomEvent.ParticipantConnected, onJoined);
			this.room.off(RoomEvent.ParticipantNameChanged, this.#refresh).off(RoomEvent.Reconnected, onJoined);
			this.awareness.off('update', onUpdate);
			clearTimeout(this.#sendTimer);
			// The others drop our cursor now rather than after awareness's 30 s timeout.
			this.awareness.setLocalState(null);
			this.#send();
			this.awareness.destroy();
		};
	}

	#scheduleSend() {
		if (this.#sendTimer !== undefined) return;
		const wait = Math.max(0, this.#lastSent + SEND_EVERY_MS - Date.now());
		this.#sendTimer = setTimeout(() => {
			this.#sendTimer = undefined;
			this.#send();
		}, wait);
	}

	#send() {
		if (!this.maySend() || this.room.state !== 'connected') return;
		this.#lastSent = Date.now();
		const update = encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]);
		this.room.localParticipant
			.publishData(update as Uint8Array<ArrayBuffer>, { reliable: false, topic: WHITEBOARD_AWARENESS_TOPIC })
			.catch(() => undefined); // lossy by design: the next move sends it again
	}

	#refresh = () => {
		const cursors: RemoteCursor[] = [];
		for (const [id, state] of this.awareness.getStates()) {
			const identity = this.#owners.get(id);
			const participant = identity ? this.room.remoteParticipants.get(identity) : undefined;
			const at = cursorOf(state);
			if (id === this.awareness.clientID || !participant || !at) continue;
			cursors.push({ id, name: participant.name || 'Guest', color: colorFor(participant.identity), ...at });
		}
		this.#cursors = cursors;
	};
}
