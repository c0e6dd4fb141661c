import type { Db } from '../db';

/** Records a webhook event id; false when it was recorded before (a redelivery). */
export async function recordEvent(db: Db, id: string, event: string): Promise<boolean> {
	const fresh = await db
		.insertInto('webhook_events')
		.values({ id, event })
		.onConflict((oc) => oc.column('id').doNothing())
		.returning('id')
		.executeTakeFirst();
	return fresh !== undefined;
}
