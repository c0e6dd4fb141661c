import type { Db } from '../db';
import type { PartStatus, TranscriptPart } from '../db/schema';

/** Creates a part per track recording (pending, or failed with the reason), once. */
export async function createParts(db: Db, parts: { recordingId: string; error: string | null }[]): Promise<void> {
	if (!parts.length) return;
	await db
		.insertInto('transcript_parts')
		.values(parts.map((p) => ({ recording_id: p.recordingId, status: p.error ? 'failed' : 'pending', error: p.error, updated_at: new Date() })))
		.onConflict((oc) => oc.column('recording_id').doNothing())
		.execute();
}

export async function partsOf(db: Db, recordingIds: string[]): Promise<TranscriptPart[]> {
	if (!recordingIds.length) return [];
	return db.selectFrom('transcript_parts').selectAll().where('recording_id', 'in', recordingIds).execute();
}

/** A pending part with what transcribing it needs. */
export async function pendingPartWork(db: Db, recordingId: string) {
	return db
		.selectFrom('transcript_parts')
		.innerJoin('recordings', 'recordings.id', 'transcript_parts.recording_id')
		.innerJoin('recording_runs', 'recording_runs.id', 'recordings.run_id')
		.select(['transcript_parts.status', 'recordings.file_path', 'recording_runs.session_id'])
		.where('transcript_parts.recording_id', '=', recordingId)
		.executeTakeFirst();
}

/** Counts one real request to Whisper for the part (two workers must never both send one). */
export async function countAttempt(db: Db, recordingId: string): Promise<void> {
	await db
		.updateTable('transcript_parts')
		.set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: new Date() }))
		.where('recording_id', '=', recordingId)
		.execute();
}

/** Settles a pending part; a part already settled is left as it is (true when this call settled it). */
export async function settlePart(db: Db, recordingId: string, values: { status: Exclude<PartStatus, 'pending'>; segments?: unknown; error?: string }): Promise<boolean> {
	const result = await db
		.updateTable('transcript_parts')
		.set({
			status: values.status,
			segments: values.segments ? JSON.stringify(values.segments) : undefined,
			error: values.error ?? null,
			updated_at: new Date()
		})
		.where('recording_id', '=', recordingId)
		.where('status', '=', 'pending')
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** Pending parts of a session (the reconciliation poll re-queues their jobs). */
export async function pendingPartsOfRun(db: Db, runId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('transcript_parts')
		.innerJoin('recordings', 'recordings.id', 'transcript_parts.recording_id')
		.select('transcript_parts.recording_id')
		.where('recordings.run_id', '=', runId)
		.where('transcript_parts.status', '=', 'pending')
		.execute();
	return rows.map((r) => r.recording_id);
}
