import type { AppContext } from '../app-context';
import { hashToken, randomToken, tokenMatches } from '../crypto/secrets';
import type { HostSession, Room } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { insertHostSession, revokeHostSessions } from '../rooms/host-session.repository';
import { replaceHostKey } from '../rooms/room.repository';
import { moveBrowserHostSession } from './pass.repository';

/**
 * A fresh host key: the old host link stops working, and so does every host session opened
 * with any earlier link. The caller (the host who asked, from browser `browserId`) gets a new
 * host session, which its passes carry from now (it stays host in the call it is in).
 */
export async function rotateHostKey(ctx: AppContext, room: Room, browserId: string | null): Promise<{ key: string; hostSession: HostSession }> {
	const key = randomToken(24);
	return inTransaction(ctx.db, async (trx) => {
		const generation = await replaceHostKey(trx, room.id, hashToken(key));
		await revokeHostSessions(trx, room.id);
		const hostSession = await insertHostSession(trx, room.id, generation);
		if (browserId) await moveBrowserHostSession(trx, room.id, browserId, hostSession.id);
		return { key, hostSession };
	});
}

/** Opens a host session for whoever holds the current host link; null for any other key. */
export async function redeemHostKey(ctx: AppContext, room: Room, key: string): Promise<HostSession | null> {
	if (!key || !tokenMatches(key, room.host_key_hash)) return null;
	return insertHostSession(ctx.db, room.id, room.host_generation);
}
