import { sql } from 'kysely';
import type { Db } from '../db';
import type { ScreenShareLockRow } from '../db/schema';

/** One committed change of the lock: who holds it now, who held it before, and its fence. */
export interface LockChange {
	holder_id: string | null;
	previous_id: string | null;
	fence: number;
}

function toChange(row: { holder_id: string | null; previous_id: string | null; fence: string }): LockChange {
	return { holder_id: row.holder_id, previous_id: row.previous_id, fence: Number(row.fence) };
}

export async function findLock(db: Db, roomId: string): Promise<ScreenShareLockRow | undefined> {
	return db.selectFrom('screen_share_locks').selectAll().where('room_id', '=', roomId).executeTakeFirst();
}

/**
 * Takes the lock for a participant in ONE statement: creates the row (fence 1) or moves the
 * holder and bumps the fence. PostgreSQL serializes concurrent upserts on the row, so every
 * call commits a distinct fence and sees the holder it replaced.
 */
export async function takeLock(db: Db, roomId: string, participantId: string): Promise<LockChange> {
	const row = await db
		.insertInto('screen_share_locks')
		.values({ room_id: roomId, holder_id: participantId, fence: 1 })
		.onConflict((oc) =>
			oc.column('room_id').doUpdateSet({
				previous_id: sql`screen_share_locks.holder_id`,
				holder_id: participantId,
				fence: sql`screen_share_locks.fence + 1`,
				release_pending_at: null,
				updated_at: sql`now()`
			})
		)
		.returning(['holder_id', 'previous_id', 'fence'])
		.executeTakeFirstOrThrow();
	return toChange(row);
}

/**
 * Releases the lock in one statement when its holder is still `holderId` (or anyone, for
 * the host) and, if given, the fence has not moved. Undefined when nothing was released.
 */
export async function releaseLock(
	db: Db,
	roomId: string,
	only: { holderId?: string; fence?: number } = {}
): Promise<LockChange | undefined> {
	let query = db
		.updateTable('screen_share_locks')
		.set({
			previous_id: sql`holder_id`,
			holder_id: null,
			fence: sql`fence + 1`,
			release_pending_at: null,
			updated_at: sql`now()`
		})
		.where('room_id', '=', roomId)
		.where('holder_id', 'is not', null);
	if (only.holderId) query = query.where('holder_id', '=', only.holderId);
	if (only.fence !== undefined) query = query.where('fence', '=', String(only.fence));
	const row = await query.returning(['holder_id', 'previous_id', 'fence']).executeTakeFirst();
	return row && toChange(row);
}

/**
 * Stamps the holder's pending release with now: `unmarked` when their share just vanished
 * (no mark yet), `marked` when they rejoined while one was pending (their grace restarts).
 * True when this call stamped it.
 */
export async function stampReleasePending(db: Db, roomId: string, holderId: string, only: 'unmarked' | 'marked'): Promise<boolean> {
	const row = await db
		.updateTable('screen_share_locks')
		.set({ release_pending_at: sql`now()` })
		.where('room_id', '=', roomId)
		.where('holder_id', '=', holderId)
		.where('release_pending_at', only === 'unmarked' ? 'is' : 'is not', null)
		.returning('room_id')
		.executeTakeFirst();
	return row !== undefined;
}

/** The holder's share is back (re-published after a reconnect): keep the lock. */
export async function clearReleasePending(db: Db, roomId: string, holderId: string): Promise<void> {
	await db
		.updateTable('screen_share_locks')
		.set({ release_pending_at: null })
		.where('room_id', '=', roomId)
		.where('holder_id', '=', holderId)
		.execute();
}

/**
 * Serializes permission applies for one room across processes (a transaction-scoped
 * advisory lock): takeovers never wait on it, only other applies do.
 */
export async function lockApplies(db: Db, roomId: string): Promise<void> {
	await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`screen-share:${roomId}`}, 0))`.execute(db);
}

/** Records that LiveKit now reflects `fence`; never moves `applied_fence` backwards. */
export async function markApplied(db: Db, roomId: string, fence: number): Promise<void> {
	await db
		.updateTable('screen_share_locks')
		.set({ applied_fence: fence })
		.where('room_id', '=', roomId)
		.where('applied_fence', '<', String(fence))
		.execute();
}
