import type { Db } from '../db';
import { inTransaction } from '../db/transaction';
import type { Passage } from './passages';
import { visibleSession, type MemoryViewer } from './viewer';

/** Replaces a session's passages with these, in one transaction (and marks the session indexed). */
export async function replacePassages(db: Db, where: { sessionId: string; roomId: string; config: string }, passages: Passage[]): Promise<void> {
	await inTransaction(db, async (trx) => {
		await trx.deleteFrom('memory_passages').where('session_id', '=', where.sessionId).execute();
		// Chunks: one INSERT's parameters stay well under PostgreSQL's limit.
		for (let i = 0; i < passages.length; i += 1000) {
			await trx
				.insertInto('memory_passages')
				.values(passages.slice(i, i + 1000).map((p) => ({ session_id: where.sessionId, room_id: where.roomId, config: where.config, ...p })))
				.execute();
		}
		await trx
			.insertInto('memory_indexed_sessions')
			.values({ session_id: where.sessionId })
			.onConflict((oc) => oc.column('session_id').doUpdateSet({ indexed_at: new Date() }))
			.execute();
	});
}

/** Ended sessions with no index yet, oldest first. */
export async function sessionsToIndex(db: Db, limit: number): Promise<string[]> {
	const rows = await db
		.selectFrom('meeting_sessions as ms')
		.leftJoin('memory_indexed_sessions as mi', 'mi.session_id', 'ms.id')
		.select('ms.id')
		.where('ms.ended_at', 'is not', null)
		.where('mi.session_id', 'is', null)
		.orderBy('ms.started_at')
		.limit(limit)
		.execute();
	return rows.map((r) => r.id);
}

/** A deleted recording takes its transcript and insights out of the search (chat and board stay, as on the record page). */
export async function deleteSpokenPassages(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('memory_passages').where('session_id', '=', sessionId).where('kind', 'in', ['transcript', 'insight']).execute();
}

/** A meeting on My meetings. */
export interface VisibleMeeting {
	sessionId: string;
	roomCode: string;
	roomName: string | null;
	startedAt: string;
	endedAt: string | null;
	hosted: boolean;
}

/** The meetings the viewer may see, newest first. */
export async function visibleMeetings(db: Db, viewer: MemoryViewer, limit: number): Promise<VisibleMeeting[]> {
	if (viewer.hostRoomIds.length === 0 && viewer.browserId === null) return [];
	const rows = await db
		.selectFrom('meeting_sessions as ms')
		.innerJoin('rooms as r', 'r.id', 'ms.room_id')
		.select(['ms.id', 'r.id as roomId', 'r.code', 'r.name', 'ms.started_at', 'ms.ended_at'])
		.where(visibleSession(viewer, 'ms.id', 'ms.room_id'))
		.orderBy('ms.started_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		sessionId: r.id,
		roomCode: r.code,
		roomName: r.name,
		startedAt: r.started_at.toISOString(),
		endedAt: r.ended_at?.toISOString() ?? null,
		hosted: viewer.hostRoomIds.includes(r.roomId)
	}));
}
