import type { Db } from '../db';
import type { MeetingSession } from '../db/schema';

/** The room's open session, creating it if there is none (race-safe via the partial unique index). */
export async function openSession(db: Db, roomId: string): Promise<MeetingSession> {
	await db
		.insertInto('meeting_sessions')
		.values({ room_id: roomId })
		.onConflict((oc) => oc.column('room_id').where('ended_at', 'is', null).doNothing())
		.execute();
	return db
		.selectFrom('meeting_sessions')
		.selectAll()
		.where('room_id', '=', roomId)
		.where('ended_at', 'is', null)
		.executeTakeFirstOrThrow();
}

export async function findOpenSession(db: Db, roomId: string): Promise<MeetingSession | undefined> {
	return db
		.selectFrom('meeting_sessions')
		.selectAll()
		.where('room_id', '=', roomId)
		.where('ended_at', 'is', null)
		.executeTakeFirst();
}

export async function endOpenSession(db: Db, roomId: string, at = new Date()): Promise<void> {
	await db
		.updateTable('meeting_sessions')
		.set({ ended_at: at })
		.where('room_id', '=', roomId)
		.where('ended_at', 'is', null)
		.execute();
}
