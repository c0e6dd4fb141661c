import type { ItemStatus, TrackedItem } from '#lib/items/types';
import { resolveDue } from '../../items/due-date';
import { maySeeItem, mayEditItem, type ItemViewer } from '../../items/rights';
import type { Credentials } from '../access/cookies';
import { isHost } from '../access/room-policy';
import type { Db } from '../db';
import type { Room, TrackedItemRow } from '../db/schema';
import type { Failure } from '../http/failures';
import { queueItemEvent } from '../item-webhooks/outbox';
import type { JobQueue } from '../jobs/queue';
import { browserMeetings, findRoomItem, mentionsOf, roomItemRows, updateItem, type ItemChange, type MentionWithMeeting } from './items.repository';

/** A tracked item as its reader sees it: may they tick it off and change it. */
export type ItemView = TrackedItem & { mayEdit: boolean };

/** The item the browser, the exports and the webhook share, from its row and its mentions. */
export function trackedItem(row: TrackedItemRow, mentions: MentionWithMeeting[], roomCode: string): TrackedItem {
	return {
		id: row.id,
		roomCode,
		text: row.text,
		owner: row.owner,
		dueText: row.due_text,
		dueDate: row.due_date,
		status: row.status,
		mentions: mentions
			.filter((m) => m.item_id === row.id)
			.map((m) => ({ sessionId: m.session_id, meetingStartedAt: m.meeting_started_at.toISOString(), at: m.at, speaker: m.speaker, ref: m.ref, kind: m.kind })),
		createdAt: row.created_at.toISOString(),
		updatedAt: row.updated_at.toISOString(),
		doneAt: row.done_at?.toISOString() ?? null
	};
}

/** Every item of the room, with its mentions (the webhook and the sync announce these). */
export async function loadItems(db: Db, room: Pick<Room, 'id' | 'code'>, itemIds?: string[]): Promise<TrackedItem[]> {
	const rows = await roomItemRows(db, room.id, itemIds);
	const mentions = await mentionsOf(db, rows.map((r) => r.id));
	return rows.map((row) => trackedItem(row, mentions, room.code)).sort((a, b) => firstSaid(a).localeCompare(firstSaid(b)) || a.createdAt.localeCompare(b.createdAt));
}

/** Where an item was first said, as a sortable key: its meeting's start, then the moment in it. */
function firstSaid(item: TrackedItem): string {
	const first = item.mentions[0];
	return first ? `${first.meetingStartedAt} ${String(Math.round(first.at * 1000)).padStart(12, '0')}` : item.createdAt;
}

/** Who is asking: the room's host, or the meetings of the room this browser took part in. */
export async function itemViewer(db: Db, room: Room, credentials: Credentials): Promise<ItemViewer> {
	if (await isHost(db, room, credentials)) return { host: true, meetings: [] };
	return { host: false, meetings: credentials.browserId ? await browserMeetings(db, room.id, credentials.browserId) : [] };
}

const sessionsOf = (item: TrackedItem) => item.mentions.map((m) => m.sessionId);

/** The room's items this browser may see (hosts: all), open ones first, each saying whether they may edit it. */
export async function listItems(ctx: { db: Db }, room: Room, credentials: Credentials): Promise<{ items: ItemView[]; host: boolean }> {
	const viewer = await itemViewer(ctx.db, room, credentials);
	const items = (await loadItems(ctx.db, room)).filter((item) => maySeeItem(viewer, sessionsOf(item)));
	const order: Record<ItemStatus, number> = { open: 0, done: 1, dropped: 2 };
	items.sort((a, b) => order[a.status] - order[b.status]);
	return { items: items.map((item) => ({ ...item, mayEdit: mayEditItem(viewer, { owner: item.owner, mentionSessionIds: sessionsOf(item) }) })), host: viewer.host };
}

export interface ItemEdit {
	status?: ItemStatus;
	owner?: string | null;
	dueText?: string | null;
	/** YYYY-MM-DD; when left out with a new dueText, the day that text names from today. */
	dueDate?: string | null;
}

export type EditFailure = 'no_such_item' | 'not_item_editor';

/**
 * Changes an item's status, owner or due date, for a host or the item's owner (see
 * items/rights); announced to the room's webhook as `item.updated`.
 */
export async function editItem(ctx: { db: Db; jobs: JobQueue }, room: Room, credentials: Credentials, itemId: string, edit: ItemEdit, now = new Date()): Promise<ItemView | Failure<EditFailure>> {
	const row = await findRoomItem(ctx.db, room.id, itemId);
	if (!row) return { ok: false, reason: 'no_such_item' };
	const viewer = await itemViewer(ctx.db, room, credentials);
	const [before] = await loadItems(ctx.db, room, [row.id]);
	if (!maySeeItem(viewer, sessionsOf(before))) return { ok: false, reason: 'no_such_item' };
	if (!mayEditItem(viewer, { owner: before.owner, mentionSessionIds: sessionsOf(before) })) return { ok: false, reason: 'not_item_editor' };

	const change: ItemChange = {};
	if (edit.status && edit.status !== row.status) {
		change.status = edit.status;
		change.done_at = edit.status === 'done' ? now : null;
	}
	if (edit.owner !== undefined) change.owner = edit.owner?.trim() || null;
	if (edit.dueText !== undefined) {
		change.due_text = edit.dueText?.trim() || null;
		change.due_date = edit.dueDate !== undefined ? edit.dueDate : resolveDue(change.due_text, now.toISOString().slice(0, 10));
	} else if (edit.dueDate !== undefined) change.due_date = edit.dueDate;
	if (Object.keys(change).length) await updateItem(ctx.db, row.id, change);

	const [item] = await loadItems(ctx.db, room, [row.id]);
	if (Object.keys(change).length) await queueItemEvent(ctx, room.id, 'item.updated', item);
	return { ...item, mayEdit: mayEditItem(viewer, { owner: item.owner, mentionSessionIds: sessionsOf(item) }) };
}

/** What the host sees before joining: the room's open items, and when the latest meeting that said one of them was. */
export interface OpenItemsBrief {
	items: ItemView[];
	lastMeetingAt: string;
}

export async function openItemsBrief(db: Db, room: Room): Promise<OpenItemsBrief | null> {
	const items = (await loadItems(db, room)).filter((item) => item.status === 'open');
	if (!items.length) return null;
	const lastMeetingAt = items.flatMap((item) => item.mentions.map((m) => m.meetingStartedAt)).reduce((a, b) => (a > b ? a : b), '');
	return { items: items.map((item) => ({ ...item, mayEdit: true })), lastMeetingAt };
}
