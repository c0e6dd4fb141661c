import * as Y from 'yjs';
import { DataPacket_Kind } from 'livekit-server-sdk';
import { applyChecked, BOARD_LIMITS, boardFrom, boardStats, type BoardLimits, type UpdateRefusal } from '../../whiteboard/board-updates';
import { clearBoard as clearDoc } from '../../whiteboard/board-doc';
import { readShapes } from '../../whiteboard/board-read';
import { WHITEBOARD_TOPIC, type BoardModeEvent, WHITEBOARD_MODE_TOPIC } from '../../whiteboard/sync-topics';
import { toFrames } from '../../whiteboard/update-frames';
import { rightsFor, type Rights, type Role } from '../access/rights';
import type { AppContext } from '../app-context';
import type { Failure } from '../http/failures';
import type { Db } from '../db';
import type { MeetingSession, Participant, Room } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { rateLimited } from '../rate-limit/limiter';
import { boardCache } from './board-cache';
import {
	appendUpdate,
	boardVersion,
	countShapesAdded,
	loadBoard,
	lockBoard,
	saveCompacted,
	setViewOnly
} from './whiteboard.repository';

/** Fold the stored updates into the state once this many have piled up, or this many bytes. */
const COMPACT_AFTER = 200;
const COMPACT_AFTER_BYTES = 1024 * 1024;
const SERVER_ORIGIN = 'server';

/** The session's board as one Yjs update (empty when nothing was drawn). */
export async function boardState(db: Db, sessionId: string): Promise<Uint8Array> {
	const stored = await loadBoard(db, sessionId);
	const parts = [...(stored.state ? [stored.state] : []), ...stored.updates];
	return parts.length ? Y.encodeStateAsUpdate(boardFrom(parts)) : new Uint8Array();
}

/** How many shapes the session's board holds: what its SVG shows. */
export async function boardShapeCount(db: Db, sessionId: string): Promise<number> {
	const state = await boardState(db, sessionId);
	return state.byteLength ? readShapes(boardFrom([state])).length : 0;
}

/** Who changes the board: a member in the call, with their rights (the route's guard asked the room policy). */
export interface BoardEditor {
	room: Room;
	session: MeetingSession;
	participant: Participant;
	rights: Pick<Rights, 'draw'>;
}

/** A member of the meeting (as the guard answered) as a board editor: their rights from the room's one rule. */
export function boardEditor(member: { room: Room; session: MeetingSession; participant: Participant; role: Role }): BoardEditor {
	return { ...member, rights: rightsFor({ whiteboardViewOnly: member.room.whiteboard_view_only, presenterId: null }, { role: member.role, participantId: member.participant.id }) };
}

/** The meeting's board for a member: its whole state, whether it is view-only, and whether they may draw. */
export async function boardFor(ctx: Pick<AppContext, 'db'>, editor: BoardEditor): Promise<{ state: Uint8Array; viewOnly: boolean; canDraw: boolean }> {
	return { state: await boardState(ctx.db, editor.session.id), viewOnly: editor.room.whiteboard_view_only, canDraw: editor.rights.draw };
}

export type SubmitResult =
	| { ok: true; stateVector: Uint8Array }
	| { ok: false; reason: 'view_only' }
	| { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }
	| { ok: false; reason: UpdateRefusal | 'stored-board-too-large'; stateVector: Uint8Array };

/**
 * Takes one browser's change to the board and relays it to the room: checked against the
 * board as stored (every changed shape valid, the board and the participant's share within
 * their limits), appended, then sent to everyone by the server — browsers apply board changes
 * only from the server, so no peer can put on their boards what the server would refuse.
 * Writes to one board are serialized across app processes; the stored board is compacted
 * (garbage-collected: deleted content dropped) when updates pile up, and a board past its
 * stored size is refused. Answers the server's state vector (to diff against next time).
 */
export async function submitUpdate(ctx: AppContext, editor: BoardEditor, update: Uint8Array, limits: BoardLimits = BOARD_LIMITS): Promise<SubmitResult> {
	if (!editor.rights.draw) return { ok: false, reason: 'view_only' };
	const { session, participant } = editor;
	// Both of the participant's own allowances at once: a stroke waits on one round trip, not two.
	const allowances = await Promise.all([ctx.limits.whiteboard.consume(participant.id), ctx.limits.whiteboardBytes.consume(participant.id, Math.max(1, update.byteLength))]);
	const spent = allowances.find((a) => !a.ok);
	if (spent && !spent.ok) return rateLimited(spent);
	const cache = boardCache();
	const result = await inTransaction(ctx.db, async (trx) => {
		await lockBoard(trx, session.id);
		const stored = await boardVersion(trx, session.id, participant.id);
		const doc = cache.take(session.id, stored.version) ?? (await loadDoc(trx, session.id));
		const share = { shapesAdded: stored.shapesAddedBy };
		const verdict = applyChecked(doc, update, limits, share);
		if (!verdict.ok) return { ok: false as const, reason: verdict.reason, stateVector: await storedVector(trx, session.id) };
		const version = await appendUpdate(trx, session.id, participant.id, update);
		await countShapesAdded(trx, session.id, participant.id, verdict.added);
		let versionAfter = `${stored.version.split('|')[0]}|${version}`;
		const storedBytes = stored.storedBytes + update.byteLength;
		if (stored.pendingUpdates + 1 >= COMPACT_AFTER || storedBytes > COMPACT_AFTER_BYTES) {
			const state = Y.encodeStateAsUpdate(doc);
			if (state.byteLength > limits.maxStoredBytes) return { ok: false as const, reason: 'stored-board-too-large' as const, stateVector: await storedVector(trx, session.id) };
			await saveCompacted(trx, session.id, state, boardStats(doc).shapes);
			versionAfter = (await boardVersion(trx, session.id)).version;
		}
		return { ok: true as const, doc, version: versionAfter };
	}).catch((err: unknown) => {
		cache.drop(session.id); // the document may hold an update that was not stored
		throw err;
	});
	if (!result.ok) {
		cache.drop(session.id); // it holds the refused update
		if (result.reason === 'stored-board-too-large') console.warn(`whiteboard ${session.id}: stored board over its size limit`);
		return result;
	}
	cache.put(session.id, result.version, result.doc);
	await broadcast(ctx, editor.room.code, update);
	return { ok: true, stateVector: Y.encodeStateVector(result.doc) };
}

async function loadDoc(db: Db, sessionId: string): Promise<Y.Doc> {
	const stored = await loadBoard(db, sessionId);
	return boardFrom([...(stored.state ? [stored.state] : []), ...stored.updates]);
}

async function storedVector(db: Db, sessionId: string): Promise<Uint8Array> {
	return Y.encodeStateVector(await loadDoc(db, sessionId));
}

/** Host or co-host: clears the board for everyone (the meeting's, while one is open). The server makes the change and tells the room itself. */
export async function clearWhiteboard(ctx: AppContext, room: Room, session: MeetingSession | null): Promise<{ ok: true } | Failure<'ended'>> {
	if (!session) return { ok: false, reason: 'ended' };
	const change = await inTransaction(ctx.db, async (trx) => {
		await lockBoard(trx, session.id);
		const doc = await loadDoc(trx, session.id);
		const before = Y.encodeStateVector(doc);
		clearDoc(doc, SERVER_ORIGIN);
		const update = Y.encodeStateAsUpdate(doc, before);
		await appendUpdate(trx, session.id, null, update);
		return update;
	});
	boardCache().drop(session.id);
	await broadcast(ctx, room.code, change);
	return { ok: true };
}

/** Host or co-host: view-only for everyone else, or drawing for all again; LiveKit's data permission follows. */
export async function setBoardMode(ctx: AppContext, room: Room, viewOnly: boolean, applyPermissions: (room: Room) => Promise<void>): Promise<void> {
	await setViewOnly(ctx.db, room.id, viewOnly);
	await applyPermissions({ ...room, whiteboard_view_only: viewOnly });
	const event: BoardModeEvent = { viewOnly };
	await sendToRoom(ctx, room.code, WHITEBOARD_MODE_TOPIC, new TextEncoder().encode(JSON.stringify(event)));
}

/** A board change, to everyone in the room (framed: a reliable packet carries ~15 KiB). */
async function broadcast(ctx: AppContext, code: string, update: Uint8Array): Promise<void> {
	for (const frame of toFrames(update)) {
		if (!(await sendToRoom(ctx, code, WHITEBOARD_TOPIC, frame))) return;
	}
}

async function sendToRoom(ctx: AppContext, code: string, topic: string, bytes: Uint8Array): Promise<boolean> {
	try {
		await ctx.livekit.sendData(code, bytes, DataPacket_Kind.RELIABLE, { topic });
		return true;
	} catch (err) {
		console.warn(`whiteboard: telling ${code} failed (${(err as Error).message}); browsers catch up on their next load`);
		return false;
	}
}
