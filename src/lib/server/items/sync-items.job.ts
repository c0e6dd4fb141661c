import type { ItemEventType } from '#lib/items/types';
import { nameKey } from '../../forms/display-name';
import { resolveDue } from '../../items/due-date';
import { findSameItem, mergeKey, type MergeCandidate } from '../../items/merge';
import type { Db } from '../db';
import type { TrackedItemRow } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { latestInsights } from '../insights/insights.repository';
import { queueItemEvent } from '../item-webhooks/outbox';
import type { JobQueue } from '../jobs/queue';
import { findSessionById } from '../meetings/session.repository';
import { findRoomById } from '../rooms/room.repository';
import {
	deleteSessionMentions,
	deleteUnmentionedItems,
	insertItem,
	insertMention,
	lockRoomItems,
	mentionsOf,
	roomItemRows,
	updateItem,
	type ItemChange
} from './items.repository';
import { loadItems } from './items.service';

const candidate = (row: TrackedItemRow): MergeCandidate => ({ id: row.id, mergeKey: row.merge_key, owner: row.owner, status: row.status, updatedAt: row.updated_at.getTime() });

/**
 * The `items.sync` job: a session's action items (its latest ready insights) become tracked
 * items of its room. Each is merged with an open or done item of the room when it is the same
 * (items/merge), else created; it gets one mention of this meeting. Idempotent: a re-sync
 * (insights written again) replaces this meeting's mentions, and an item only this meeting
 * said that its new insights no longer say is deleted.
 * A recurring item takes the owner and due date said this time, when they are new and this
 * meeting is its latest; a done item that recurs stays done (only a person reopens it); a
 * dropped item is never matched, so saying it again starts a new one.
 * Each created, recurred or updated item is announced to the room's webhook once: a re-sync
 * that changes nothing announces nothing.
 */
export async function syncSessionItems(ctx: { db: Db; jobs: JobQueue }, sessionId: string): Promise<Record<ItemEventType, number>> {
	const counts: Record<ItemEventType, number> = { 'item.created': 0, 'item.recurred': 0, 'item.updated': 0 };
	const session = await findSessionById(ctx.db, sessionId);
	const insights = session && (await latestInsights(ctx.db, sessionId));
	// Insights being written again: the next sync (when they are ready) replaces this meeting's mentions.
	if (!session || insights?.status !== 'ready' || !insights.insights) return counts;
	const said = insights.insights.actionItems.filter((item) => item.text.trim() && item.citations.length);
	const day = session.started_at.toISOString().slice(0, 10);

	const events = await inTransaction(ctx.db, async (trx) => {
		await lockRoomItems(trx, session.room_id);
		const previous = new Map((await deleteSessionMentions(trx, sessionId)).map((m) => [m.item_id, m]));
		const rows = new Map((await roomItemRows(trx, session.room_id)).map((row) => [row.id, row]));
		const latestOther = new Map<string, number>();
		for (const m of await mentionsOf(trx, [...rows.keys()])) latestOther.set(m.item_id, Math.max(latestOther.get(m.item_id) ?? 0, m.meeting_started_at.getTime()));
		const candidates = [...rows.values()].map(candidate);
		const saidBefore = new Map([...previous.values()].filter((m) => rows.has(m.item_id)).map((m) => [mergeKey(m.text), m.item_id]));
		const events = new Map<string, ItemEventType | null>();

		for (const item of said) {
			const text = item.text.trim();
			const owner = (item.owner ?? item.unconfirmedOwner)?.trim() || null;
			const dueText = item.due?.trim() || null;
			const citation = item.citations[0];
			const mention = { session_id: sessionId, at: citation.at, speaker: citation.speaker, ref: citation.ref, kind: citation.kind, text, owner, due_text: dueText };
			// What this meeting said before keeps its item, whatever a person changed on it since.
			const match = saidBefore.get(mergeKey(text)) ?? findSameItem({ text, owner }, candidates);
			if (!match) {
				const row = await insertItem(trx, { room_id: session.room_id, text, owner, due_text: dueText, due_date: resolveDue(dueText, day), merge_key: mergeKey(text) });
				rows.set(row.id, row);
				candidates.push(candidate(row));
				await insertMention(trx, { ...mention, item_id: row.id });
				events.set(row.id, 'item.created');
				continue;
			}
			if (!(await insertMention(trx, { ...mention, item_id: match }))) continue; // said twice in this meeting
			const row = rows.get(match)!;
			const latest = (latestOther.get(match) ?? 0) <= session.started_at.getTime();
			const change: ItemChange = {};
			if (latest && owner && (!row.owner || nameKey(owner) !== nameKey(row.owner))) change.owner = owner;
			if (latest && dueText && dueText !== row.due_text) Object.assign(change, { due_text: dueText, due_date: resolveDue(dueText, day) });
			if (Object.keys(change).length) {
				const updated = await updateItem(trx, match, change);
				rows.set(match, updated);
				candidates.splice(candidates.findIndex((c) => c.id === match), 1, candidate(updated));
			}
			const changed = Object.keys(change).length > 0;
			events.set(match, events.get(match) ?? (previous.has(match) ? (changed ? 'item.updated' : null) : 'item.recurred'));
		}
		await deleteUnmentionedItems(trx, [...previous.keys()].filter((id) => !events.has(id)));
		return events;
	});

	const announced = [...events].filter((e): e is [string, ItemEventType] => e[1] !== null);
	if (!announced.length) return counts;
	const room = await findRoomById(ctx.db, session.room_id);
	if (!room) return counts;
	const items = await loadItems(ctx.db, room, announced.map(([id]) => id));
	for (const [id, type] of announced) {
		const item = items.find((i) => i.id === id);
		if (!item) continue;
		await queueItemEvent(ctx, room.id, type, item);
		counts[type]++;
	}
	return counts;
}
