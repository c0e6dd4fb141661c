import type { Db } from '../db';
import { inTransaction } from '../db/transaction';
import { JOINED_MIX_SEGMENT } from './joined-mix';
import type { Recording, RecordingRun, RecordingSource, RunStatus } from '../db/schema';

export async function insertRun(db: Db, values: { session_id: string; room_id: string }): Promise<RecordingRun | undefined> {
	return db
		.insertInto('recording_runs')
		.values(values)
		.onConflict((oc) => oc.column('room_id').where('status', '=', 'recording').doNothing())
		.returningAll()
		.executeTakeFirst();
}

export async function findLiveRun(db: Db, roomId: string): Promise<RecordingRun | undefined> {
	return db.selectFrom('recording_runs').selectAll().where('room_id', '=', roomId).where('status', '=', 'recording').executeTakeFirst();
}

export async function liveRuns(db: Db): Promise<RecordingRun[]> {
	return db.selectFrom('recording_runs').selectAll().where('status', '=', 'recording').execute();
}

export async function findRun(db: Db, id: string): Promise<RecordingRun | undefined> {
	return db.selectFrom('recording_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a run to `status` (only from `from`, when given); true when this call moved it. */
export async function setRunStatus(db: Db, id: string, status: RunStatus, from?: RunStatus): Promise<boolean> {
	let query = db.updateTable('recording_runs').set({ status, ...(status === 'stopping' ? { stopped_at: new Date() } : {}) }).where('id', '=', id);
	if (from) query = query.where('status', '=', from);
	const result = await query.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** Why the recorder could not be stopped (null once it has been). */
export async function setStopError(db: Db, id: string, message: string | null): Promise<void> {
	await db.updateTable('recording_runs').set({ stop_error: message }).where('id', '=', id).execute();
}

/** Marks a session's processing runs done once its transcript is merged. */
export async function finishSessionRuns(db: Db, sessionId: string): Promise<void> {
	await db.updateTable('recording_runs').set({ status: 'done' }).where('session_id', '=', sessionId).where('status', '=', 'processing').execute();
}

/** Runs the reconciliation poll looks at: recording, stopping or processing, with their room's code. */
export async function unsettledRuns(db: Db): Promise<(RecordingRun & { code: string })[]> {
	return db
		.selectFrom('recording_runs')
		.innerJoin('rooms', 'rooms.id', 'recording_runs.room_id')
		.selectAll('recording_runs')
		.select('rooms.code')
		.where('recording_runs.status', 'in', ['recording', 'stopping', 'processing'])
		.execute();
}

export async function findLiveRunOfSession(db: Db, sessionId: string): Promise<RecordingRun | undefined> {
	return db.selectFrom('recording_runs').selectAll().where('session_id', '=', sessionId).where('status', '=', 'recording').executeTakeFirst();
}

/** Claims the (run, track) slot; undefined when that track is already being recorded. */
export async function claimTrackRecording(
	db: Db,
	values: {
		run_id: string;
		kind: 'track' | 'video';
		source: RecordingSource;
		mime_type: string | null;
		participant_identity: string;
		speaker_name: string;
		track_sid: string;
		file_path: string;
	}
): Promise<Recording | undefined> {
	return db
		.insertInto('recordings')
		.values(values)
		.onConflict((oc) => oc.columns(['run_id', 'track_sid', 'segment']).where('track_sid', 'is not', null).doNothing())
		.returningAll()
		.executeTakeFirst();
}

export async function insertCompositeRecording(db: Db, values: { run_id: string; file_path: string; segment?: number }): Promise<Recording> {
	return db.insertInto('recordings').values({ ...values, kind: 'composite', source: 'mix' }).returningAll().executeTakeFirstOrThrow();
}

/**
 * The next segment of a recording whose recorder was lost: the same track (or the mix) in a
 * new file; undefined when that segment exists already (a concurrent reconciliation made it).
 */
export async function insertNextSegment(db: Db, lost: Recording, filePath: string): Promise<Recording | undefined> {
	const { id: _id, egress_id: _e, status: _s, error: _x, started_at: _a, ended_at: _b, attempts: _n, attempted_at: _t, created_at: _c, ...same } = lost;
	return db
		.insertInto('recordings')
		.values({ ...same, segment: lost.segment + 1, file_path: filePath })
		.onConflict((oc) => oc.columns(['run_id', 'track_sid', 'segment']).where('track_sid', 'is not', null).doNothing())
		.returningAll()
		.executeTakeFirst();
}

export async function updateRecording(
	db: Db,
	id: string,
	values: Partial<Pick<Recording, 'egress_id' | 'status' | 'error' | 'started_at' | 'ended_at' | 'attempts' | 'attempted_at' | 'file_path'>>
): Promise<void> {
	await db.updateTable('recordings').set(values).where('id', '=', id).execute();
}

export async function findRecordingByEgress(db: Db, egressId: string): Promise<Recording | undefined> {
	return db.selectFrom('recordings').selectAll().where('egress_id', '=', egressId).executeTakeFirst();
}

export async function runRecordings(db: Db, runId: string): Promise<Recording[]> {
	return db.selectFrom('recordings').selectAll().where('run_id', '=', runId).orderBy('created_at').execute();
}

export async function sessionRecordings(db: Db, sessionId: string): Promise<Recording[]> {
	return db
		.selectFrom('recordings')
		.innerJoin('recording_runs', 'recording_runs.id', 'recordings.run_id')
		.selectAll('recordings')
		.where('recording_runs.session_id', '=', sessionId)
		.orderBy('recordings.created_at')
		.execute();
}

/** The file of one of this session's finished recordings. */
export async function sessionRecordingFile(db: Db, sessionId: string, recordingId: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('recordings')
		.innerJoin('recording_runs', 'recording_runs.id', 'recordings.run_id')
		.select('recordings.file_path')
		.where('recordings.id', '=', recordingId)
		.where('recording_runs.session_id', '=', sessionId)
		.where('recordings.status', '=', 'complete')
		.executeTakeFirst();
	return row?.file_path;
}

/** Runs of a session (every press of Record), for deleting its record. */
export async function sessionRuns(db: Db, sessionId: string): Promise<RecordingRun[]> {
	return db.selectFrom('recording_runs').selectAll().where('session_id', '=', sessionId).execute();
}

/** Deletes a session's runs; their recordings and transcript parts go with them (cascade). */
export async function deleteSessionRuns(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('recording_runs').where('session_id', '=', sessionId).execute();
}

/** Ended sessions recorded before `before` (retention), without a live run. */
export async function recordedSessionsBefore(db: Db, before: Date): Promise<{ session_id: string; room_id: string }[]> {
	return db
		.selectFrom('recording_runs')
		.innerJoin('meeting_sessions', 'meeting_sessions.id', 'recording_runs.session_id')
		.select(['recording_runs.session_id', 'recording_runs.room_id'])
		.distinct()
		.where('meeting_sessions.started_at', '<', before)
		.where('meeting_sessions.ended_at', 'is not', null)
		.where('recording_runs.status', '!=', 'recording')
		.execute();
}

/** Marks why a run stopped when nobody pressed Stop. */
export async function setStopReason(db: Db, id: string, reason: string): Promise<void> {
	await db.updateTable('recording_runs').set({ stop_reason: reason }).where('id', '=', id).execute();
}

export async function findRecording(db: Db, id: string): Promise<Recording | undefined> {
	return db.selectFrom('recordings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The session's joined room mix (see pipeline/join-mix.job.ts), replacing an earlier one. */
export async function saveJoinedMix(db: Db, values: { run_id: string; file_path: string; started_at: Date; ended_at: Date }): Promise<void> {
	await inTransaction(db, async (trx) => {
		const runs = trx.selectFrom('recording_runs').select('id').where('session_id', '=', trx.selectFrom('recording_runs').select('session_id').where('id', '=', values.run_id));
		await trx.deleteFrom('recordings').where('kind', '=', 'composite').where('segment', '=', JOINED_MIX_SEGMENT).where('run_id', 'in', runs).execute();
		await trx.insertInto('recordings').values({ ...values, kind: 'composite', source: 'mix', segment: JOINED_MIX_SEGMENT, status: 'complete' }).execute();
	});
}
