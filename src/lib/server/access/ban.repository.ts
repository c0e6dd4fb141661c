import type { Db } from '../db';

export async function banBrowsers(db: Db, sessionId: string, browserIds: string[]): Promise<void> {
	if (!browserIds.length) return;
	await db
		.insertInto('session_bans')
		.values(browserIds.map((browser_id) => ({ session_id: sessionId, browser_id })))
		.onConflict((oc) => oc.columns(['session_id', 'browser_id']).doNothing())
		.execute();
}

export async function isBanned(db: Db, sessionId: string, browserId: string): Promise<boolean> {
	const row = await db.selectFrom('session_bans').select('session_id').where('session_id', '=', sessionId).where('browser_id', '=', browserId).executeTakeFirst();
	return row !== undefined;
}
