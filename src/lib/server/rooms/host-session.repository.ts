import type { Db } from '../db';
import type { HostSession } from '../db/schema';

/** How long a host session lasts without a new host link. */
export const HOST_SESSION_DAYS = 30;

export async function insertHostSession(db: Db, roomId: string, generation: number): Promise<HostSession> {
	const expires_at = new Date(Date.now() + HOST_SESSION_DAYS * 86_400_000);
	return db.insertInto('host_sessions').values({ room_id: roomId, generation, expires_at }).returningAll().executeTakeFirstOrThrow();
}

export async function findHostSession(db: Db, id: string): Promise<HostSession | undefined> {
	return db.selectFrom('host_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ends every host session of the room (a new host link was made). */
export async function revokeHostSessions(db: Db, roomId: string): Promise<void> {
	await db.updateTable('host_sessions').set({ revoked_at: new Date() }).where('room_id', '=', roomId).where('revoked_at', 'is', null).execute();
}
