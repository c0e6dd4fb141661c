import * as Y from 'yjs';
import { DataPacket_Kind } from 'livekit-server-sdk';
import { boardStats, compact, validateUpdate, type UpdateRefusal } from '../../whiteboard/board-updates';
import { clearBoard as clearDoc, createBoard } from '../../whiteboard/board-doc';
import { readShapes } from '../../whiteboard/board-read';
import { WHITEBOARD_TOPIC, type BoardModeEvent, WHITEBOARD_MODE_TOPIC } from '../../whiteboard/sync-topics';
import type { AppContext } from '../app-context';
import type { Db } from '../db';
import type { MeetingSession, Participant, Room } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { appendUpdate, loadBoard, lockBoard, saveCompacted, setViewOnly } from './whiteboard.repository';

/** Fold the stored updates into the state once this many have piled up. */
const COMPACT_AFTER = 200;
const SERVER_ORIGIN = 'server';

/** Who may draw: everyone, unless the host made the board view-only (the host always may). */
export function mayDraw(room: Pick<Room, 'whiteboard_view_only'>, isHost: boolean): boolean {
	return !room.whiteboard_view_only || isHost;
}

/** The session's board as one Yjs update (empty when nothing was drawn). */
export async function boardState(db: Db, sessionId: string): Promise<Uint8Array> {
	const stored = await loadBoard(db, sessionId);
	const parts = [...(stored.state ? [stored.state] : []), ...stored.updates];
	return parts.length ? compact(parts) : new Uint8Array();
}

/** How many shapes the session's board holds: what its SVG shows. */
export async function boardShapeCount(db: Db, sessionId: string): Promise<number> {
	const state = await boardState(db, sessionId);
	return state.byteLength ? readShapes(createBoard(state)).length : 0;
}

export type SubmitResult =
	| { ok: true; stateVector: Uint8Array }
	| { ok: false; reason: 'view_only' }
	| { ok: false; reason: UpdateRefusal; stateVector: Uint8Array };

/**
 * Stores a browser's changes: checked against the board as stored (every changed shape
 * valid, the board within its limits), appended, and folded into the state when updates pile
 * up. Writes to one board are serialized across app processes. Answers the server's state
 * vector, so the browser sends only what the server lacks next time.
 */
export async function submitUpdate(
	ctx: AppContext,
	member: { room: Room; session: MeetingSession; participant: Participant; isHost: boolean },
	update: Uint8Array
): Promise<SubmitResult> {
	if (!mayDraw(member.room, member.isHost)) return { ok: false, reason: 'view_only' };
	return inTransaction(ctx.db, async (trx) => {
		await lockBoard(trx, member.session.id);
		const stored = await loadBoard(trx, member.session.id);
		const parts = [...(stored.state ? [stored.state] : []), ...stored.updates];
		const current = parts.length ? compact(parts) : new Uint8Array();
		const verdict = validateUpdate(current, update);
		if (!verdict.ok) return { ok: false as const, reason: verdict.reason, stateVector: Y.encodeStateVectorFromUpdate(current.byteLength ? current : emptyState()) };
		await appendUpdate(trx, member.session.id, member.participant.id, update);
		// An empty Uint8Array is no Yjs update: mergeUpdates would throw on it.
		const merged = current.byteLength ? compact([current, update]) : update;
		if (stored.updates.length + 1 >= COMPACT_AFTER) {
			const doc = createBoard(merged);
			await saveCompacted(trx, member.session.id, merged, boardStats(doc).shapes);
		}
		return { ok: true as const, stateVector: Y.encodeStateVectorFromUpdate(merged) };
	});
}

/** Host: clears the board for everyone. The server makes the change and tells the room itself. */
export async function clearWhiteboard(ctx: AppContext, room: Room, session: MeetingSession): Promise<void> {
	const change = await inTransaction(ctx.db, async (trx) => {
		await lockBoard(trx, session.id);
		const doc = createBoard(await boardState(trx, session.id));
		const before = Y.encodeStateVector(doc);
		clearDoc(doc, SERVER_ORIGIN);
		const update = Y.encodeStateAsUpdate(doc, before);
		await appendUpdate(trx, session.id, null, update);
		return update;
	});
	await broadcast(ctx, room.code, WHITEBOARD_TOPIC, change);
}

/** Host: view-only for everyone else, or drawing for all again; LiveKit's data permission follows. */
export async function setBoardMode(ctx: AppContext, room: Room, viewOnly: boolean, applyPermissions: (room: Room) => Promise<void>): Promise<void> {
	await setViewOnly(ctx.db, room.id, viewOnly);
	await applyPermissions({ ...room, whiteboard_view_only: viewOnly });
	const event: BoardModeEvent = { viewOnly };
	await broadcast(ctx, room.code, WHITEBOARD_MODE_TOPIC, new TextEncoder().encode(JSON.stringify(event)));
}

async function broadcast(ctx: AppContext, code: string, topic: string, bytes: Uint8Array): Promise<void> {
	try {
		await ctx.livekit.sendData(code, bytes, DataPacket_Kind.RELIABLE, { topic });
	} catch (err) {
		console.warn(`whiteboard: telling ${code} failed (${(err as Error).message}); browsers catch up on their next load`);
	}
}

function emptyState(): Uint8Array {
	return Y.encodeStateAsUpdate(new Y.Doc());
}
