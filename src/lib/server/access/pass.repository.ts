import type { Db } from '../db';
import type { JoinPass, PassRevocation } from '../db/schema';

/** A pass stays usable for this long after its last use (token minted). */
export const PASS_IDLE_HOURS = 12;

/** When a pass used now (a token minted with it) expires if it is not used again: another idle period. */
export const idleExpiry = () => new Date(Date.now() + PASS_IDLE_HOURS * 3_600_000);

export async function insertPass(db: Db, values: { room_id: string; session_id: string; participant_id: string; browser_id: string }): Promise<JoinPass> {
	return db.insertInto('join_passes').values({ ...values, expires_at: idleExpiry() }).returningAll().executeTakeFirstOrThrow();
}

export async function findPass(db: Db, id: string): Promise<JoinPass | undefined> {
	return db.selectFrom('join_passes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Revokes every live pass of a session (it ended). */
export async function revokeSessionPasses(db: Db, sessionId: string, reason: PassRevocation): Promise<void> {
	await db
		.updateTable('join_passes')
		.set({ revoked_at: new Date(), revoked_reason: reason })
		.where('session_id', '=', sessionId)
		.where('revoked_at', 'is', null)
		.execute();
}

/** Revokes the passes of a participant and of every pass the same browser holds in the session. */
export async function revokeRemovedPasses(db: Db, sessionId: string, participantId: string, browserIds: string[]): Promise<void> {
	await db
		.updateTable('join_passes')
		.set({ revoked_at: new Date(), revoked_reason: 'removed' })
		.where('session_id', '=', sessionId)
		.where((eb) => eb.or([eb('participant_id', '=', participantId), ...(browserIds.length ? [eb('browser_id', 'in', browserIds)] : [])]))
		.where((eb) => eb.or([eb('revoked_at', 'is', null), eb('revoked_reason', '!=', 'removed')]))
		.execute();
}

/** Browsers that held a pass of this participant. */
export async function participantBrowsers(db: Db, participantId: string): Promise<string[]> {
	const rows = await db.selectFrom('join_passes').select('browser_id').distinct().where('participant_id', '=', participantId).execute();
	return rows.map((r) => r.browser_id);
}

/** Whether this browser took part in the session and was not removed from it (who may see its record). */
export async function tookPart(db: Db, sessionId: string, browserId: string): Promise<boolean> {
	const row = await db
		.selectFrom('join_passes')
		.select('id')
		.where('session_id', '=', sessionId)
		.where('browser_id', '=', browserId)
		.where((eb) => eb.or([eb('revoked_reason', 'is', null), eb('revoked_reason', '!=', 'removed')]))
		.executeTakeFirst();
	return row !== undefined;
}
