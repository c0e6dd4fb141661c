import type { Db } from '../db';
import type { RecordingExport } from '../db/schema';

/** The session's export that is queued, running or ready, if any (an export is made once). */
export async function findLiveExport(db: Db, sessionId: string): Promise<RecordingExport | undefined> {
	return db
		.selectFrom('recording_exports')
		.selectAll()
		.where('session_id', '=', sessionId)
		.where('status', 'in', ['pending', 'running', 'ready'])
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
}

export async function latestExport(db: Db, sessionId: string): Promise<RecordingExport | undefined> {
	return db.selectFrom('recording_exports').selectAll().where('session_id', '=', sessionId).orderBy('created_at', 'desc').executeTakeFirst();
}

/**
 * A new export for the session, unless one is queued, running or ready: then undefined. A
 * unique index on the live ones decides, so parallel requests never make two.
 */
export async function insertExportOnce(db: Db, sessionId: string): Promise<RecordingExport | undefined> {
	return db
		.insertInto('recording_exports')
		.values({ session_id: sessionId })
		.onConflict((oc) => oc.column('session_id').where('status', 'in', ['pending', 'running', 'ready']).doNothing())
		.returningAll()
		.executeTakeFirst();
}

export async function findExport(db: Db, id: string): Promise<RecordingExport | undefined> {
	return db.selectFrom('recording_exports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateExport(db: Db, id: string, values: Partial<Pick<RecordingExport, 'status' | 'progress' | 'file_path' | 'error'>>): Promise<void> {
	await db.updateTable('recording_exports').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function sessionExportFiles(db: Db, sessionId: string): Promise<string[]> {
	const rows = await db.selectFrom('recording_exports').select('file_path').where('session_id', '=', sessionId).execute();
	return rows.map((r) => r.file_path).filter((p): p is string => p !== null);
}

export async function deleteSessionExports(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('recording_exports').where('session_id', '=', sessionId).execute();
}
