import { sql } from 'kysely';
import type { Db } from '../db';
import type { ItemMentionRow, ItemMentionTable, TrackedItemRow } from '../db/schema';

/** A mention with the start of its meeting (for ordering and the item's dates). */
export type MentionWithMeeting = ItemMentionRow & { meeting_started_at: Date };

/** The room's tracked items, oldest first. */
/** The room's items (only `itemIds` of them, when given). */
export async function roomItemRows(db: Db, roomId: string, itemIds?: string[]): Promise<TrackedItemRow[]> {
	if (itemIds && !itemIds.length) return [];
	let query = db.selectFrom('tracked_items').selectAll().where('room_id', '=', roomId);
	if (itemIds) query = query.where('id', 'in', itemIds);
	return query.orderBy('created_at').orderBy('id').execute();
}

export async function findRoomItem(db: Db, roomId: string, itemId: string): Promise<TrackedItemRow | undefined> {
	return db.selectFrom('tracked_items').selectAll().where('room_id', '=', roomId).where('id', '=', itemId).executeTakeFirst();
}

/** The mentions of these items, each with its meeting's start, in meeting order. */
export async function mentionsOf(db: Db, itemIds: string[]): Promise<MentionWithMeeting[]> {
	if (!itemIds.length) return [];
	return db
		.selectFrom('item_mentions as im')
		.innerJoin('meeting_sessions as s', 's.id', 'im.session_id')
		.selectAll('im')
		.select('s.started_at as meeting_started_at')
		.where('im.item_id', 'in', itemIds)
		.orderBy('s.started_at')
		.orderBy('im.at')
		.execute();
}

/** Takes the room's lock for item syncs (until the transaction ends): two syncs never merge side by side. */
export async function lockRoomItems(trx: Db, roomId: string): Promise<void> {
	await sql`select pg_advisory_xact_lock(hashtext('tracked_items'), hashtext(${roomId}))`.execute(trx);
}

/** Removes a session's mentions (a re-sync writes them again); answers the items they belonged to. */
export async function deleteSessionMentions(trx: Db, sessionId: string): Promise<ItemMentionRow[]> {
	return trx.deleteFrom('item_mentions').where('session_id', '=', sessionId).returningAll().execute();
}

export interface NewItem {
	room_id: string;
	text: string;
	owner: string | null;
	due_text: string | null;
	due_date: string | null;
	merge_key: string;
}

export async function insertItem(trx: Db, item: NewItem): Promise<TrackedItemRow> {
	return trx.insertInto('tracked_items').values(item).returningAll().executeTakeFirstOrThrow();
}

export type ItemChange = Partial<Pick<TrackedItemRow, 'owner' | 'due_text' | 'due_date' | 'status' | 'done_at'>>;

export async function updateItem(db: Db, itemId: string, change: ItemChange): Promise<TrackedItemRow> {
	return db
		.updateTable('tracked_items')
		.set({ ...change, updated_at: new Date() })
		.where('id', '=', itemId)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** A mention as the sync writes it: every column but the generated ones. */
export type NewMention = Omit<ItemMentionTable, 'id' | 'created_at'>;

/** One mention per item and meeting: a second one of the same meeting is dropped (false). */
export async function insertMention(trx: Db, mention: NewMention): Promise<boolean> {
	const row = await trx
		.insertInto('item_mentions')
		.values(mention)
		.onConflict((oc) => oc.columns(['item_id', 'session_id']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return row !== undefined;
}

/** Items no meeting mentions any more (their meeting's insights were written again without them). */
export async function deleteUnmentionedItems(trx: Db, itemIds: string[]): Promise<void> {
	if (!itemIds.length) return;
	await trx
		.deleteFrom('tracked_items')
		.where('id', 'in', itemIds)
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('item_mentions').select('id').whereRef('item_mentions.item_id', '=', 'tracked_items.id'))))
		.execute();
}

/**
 * The room's meetings this browser took part in (access/pass.repository `tookPart`: its
 * participant joined and was not removed), with the name it had in each.
 */
export async function browserMeetings(db: Db, roomId: string, browserId: string): Promise<{ sessionId: string; displayName: string }[]> {
	return db
		.selectFrom('join_passes as jp')
		.innerJoin('participants as p', 'p.id', 'jp.participant_id')
		.select(['jp.session_id as sessionId', 'p.display_name as displayName'])
		.where('jp.room_id', '=', roomId)
		.where('jp.browser_id', '=', browserId)
		.where('p.joined_at', 'is not', null)
		.where('p.removed_at', 'is', null)
		.where((eb) => eb.or([eb('jp.revoked_reason', 'is', null), eb('jp.revoked_reason', '!=', 'removed')]))
		.distinct()
		.execute();
}
