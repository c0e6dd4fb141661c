import { sql } from 'kysely';
import type { Db } from '../db';
import type { JoinPass, PassRevocation } from '../db/schema';

/** A pass stays usable for this long after its last use (token minted). */
export const PASS_IDLE_HOURS = 12;

/** A knock waits this long for an answer; then the knocker is told to ask again. */
export const KNOCK_TTL_MS = 10 * 60_000;

/** When a pass used now (a token minted with it) expires if it is not used again: another idle period. */
export const idleExpiry = () => new Date(Date.now() + PASS_IDLE_HOURS * 3_600_000);

export interface NewPass {
	room_id: string;
	session_id: string;
	participant_id: string;
	browser_id: string;
	host_session_id: string | null;
	client_key: string | null;
	/** Let in at once; false: the holder knocks and waits in the lobby. */
	admitted: boolean;
}

export async function insertPass(db: Db, { admitted, ...values }: NewPass): Promise<JoinPass> {
	const now = new Date();
	return db
		.insertInto('join_passes')
		.values({ ...values, admitted_at: admitted ? now : null, expires_at: admitted ? idleExpiry() : new Date(now.getTime() + KNOCK_TTL_MS) })
		.returningAll()
		.executeTakeFirstOrThrow();
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

/** Browsers and addresses that held a pass of this participant. */
export async function participantOrigins(db: Db, participantId: string): Promise<{ browsers: string[]; clientKeys: string[] }> {
	const rows = await db.selectFrom('join_passes').select(['browser_id', 'client_key']).where('participant_id', '=', participantId).execute();
	return {
		browsers: [...new Set(rows.map((r) => r.browser_id))],
		clientKeys: [...new Set(rows.map((r) => r.client_key).filter((k): k is string => k !== null))]
	};
}

/**
 * Whether this browser took part in the session: LiveKit saw its participant in the call, and
 * the host did not remove them (who may see its record). A pass alone is not taking part.
 */
export async function tookPart(db: Db, sessionId: string, browserId: string): Promise<boolean> {
	const row = await db
		.selectFrom('join_passes as jp')
		.innerJoin('participants as p', 'p.id', 'jp.participant_id')
		.select('jp.id')
		.where('jp.session_id', '=', sessionId)
		.where('jp.browser_id', '=', browserId)
		.where('p.joined_at', 'is not', null)
		.where('p.removed_at', 'is', null)
		.where((eb) => eb.or([eb('jp.revoked_reason', 'is', null), eb('jp.revoked_reason', '!=', 'removed')]))
		.executeTakeFirst();
	return row !== undefined;
}

/** The host session the browser presented now goes with its passes of the room (host rights follow it). */
export async function adoptHostSession(db: Db, passId: string, hostSessionId: string | null): Promise<void> {
	await db.updateTable('join_passes').set({ host_session_id: hostSessionId }).where('id', '=', passId).execute();
}

/** After a new host link: this browser's live passes of the room carry its new host session. */
export async function moveBrowserHostSession(db: Db, roomId: string, browserId: string, hostSessionId: string): Promise<void> {
	await db
		.updateTable('join_passes')
		.set({ host_session_id: hostSessionId })
		.where('room_id', '=', roomId)
		.where('browser_id', '=', browserId)
		.where('revoked_at', 'is', null)
		.execute();
}

/** A waiting knock, with what the host sees of it. */
export interface WaitingKnock {
	passId: string;
	participantId: string;
	identity: string;
	name: string;
	knockedAt: Date;
	/** Knocks from an address a removed participant used in this meeting. */
	fromRemovedAddress: boolean;
}

/** The session's knocks still waiting (not answered, withdrawn or expired), oldest first. */
export async function waitingKnocks(db: Db, sessionId: string, passIds?: string[]): Promise<WaitingKnock[]> {
	let query = db
		.selectFrom('join_passes as jp')
		.innerJoin('participants as p', 'p.id', 'jp.participant_id')
		.select(['jp.id as passId', 'p.id as participantId', 'p.identity', 'p.display_name as name', 'jp.created_at as knockedAt'])
		.select((eb) =>
			eb
				.exists(
					eb
						.selectFrom('session_removed_addresses as ra')
						.select('ra.client_key')
						.whereRef('ra.session_id', '=', 'jp.session_id')
						.whereRef('ra.client_key', '=', 'jp.client_key')
				)
				.as('fromRemovedAddress')
		)
		.where('jp.session_id', '=', sessionId)
		.where('jp.admitted_at', 'is', null)
		.where('jp.revoked_at', 'is', null)
		.where('jp.expires_at', '>', sql<Date>`now()`)
		.orderBy('jp.created_at');
	if (passIds) query = query.where('jp.id', 'in', passIds.length ? passIds : ['00000000-0000-0000-0000-000000000000']);
	const rows = await query.execute();
	return rows.map((r) => ({ ...r, fromRemovedAddress: Boolean(r.fromRemovedAddress) }));
}

/** Lets waiting knocks in (only those still waiting); the passes admitted. */
export async function admitKnocks(db: Db, sessionId: string, passIds: string[]): Promise<JoinPass[]> {
	if (!passIds.length) return [];
	return db
		.updateTable('join_passes')
		.set({ admitted_at: new Date(), expires_at: idleExpiry() })
		.where('session_id', '=', sessionId)
		.where('id', 'in', passIds)
		.where('admitted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', sql<Date>`now()`)
		.returningAll()
		.execute();
}

/** Ends waiting knocks (denied by a host, withdrawn by the knocker); the passes ended. */
export async function endKnocks(db: Db, sessionId: string, passIds: string[] | 'all', reason: 'denied' | 'cancelled'): Promise<JoinPass[]> {
	if (passIds !== 'all' && !passIds.length) return [];
	let query = db
		.updateTable('join_passes')
		.set({ revoked_at: new Date(), revoked_reason: reason })
		.where('session_id', '=', sessionId)
		.where('admitted_at', 'is', null)
		.where('revoked_at', 'is', null);
	if (passIds !== 'all') query = query.where('id', 'in', passIds);
	return query.returningAll().execute();
}

/** Records the addresses a removed participant used, for the lobby's flag. */
export async function noteRemovedAddresses(db: Db, sessionId: string, clientKeys: string[]): Promise<void> {
	if (!clientKeys.length) return;
	await db
		.insertInto('session_removed_addresses')
		.values(clientKeys.map((client_key) => ({ session_id: sessionId, client_key })))
		.onConflict((oc) => oc.columns(['session_id', 'client_key']).doNothing())
		.execute();
}

/** Participants of the session holding an admitted pass that is still good (a way into the call). */
export async function participantsWithLivePass(db: Db, sessionId: string): Promise<Set<string>> {
	const rows = await db
		.selectFrom('join_passes')
		.select('participant_id')
		.distinct()
		.where('session_id', '=', sessionId)
		.where('admitted_at', 'is not', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', sql<Date>`now()`)
		.execute();
	return new Set(rows.map((r) => r.participant_id));
}
