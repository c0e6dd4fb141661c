import { randomUUID } from 'node:crypto';
import type { ItemEventType, TrackedItem } from '#lib/items/types';
import type { Db } from '../db';
import type { JobQueue } from '../jobs/queue';
import { findEnabledWebhookRoom, insertDelivery, pruneDeliveries } from './item-webhook.repository';

/** Settled deliveries are kept this many days. */
const LOG_DAYS = 30;

/** What the webhook sends: the item events, and the host's "Send test event". */
export type WebhookEventType = ItemEventType | 'webhook.test';

/** The JSON body of every delivery. `id` is the delivery's id (also the `webhook-id` header). */
export interface WebhookBody {
	id: string;
	type: WebhookEventType;
	createdAt: string;
	room: { code: string; name: string | null };
	item: TrackedItem;
}

/**
 * Records a delivery for the room's webhook (if it has an enabled one) and queues its
 * sending; a no-op otherwise. The body is fixed here, so every retry sends the same event.
 * Call it after the item's change is committed (not inside a transaction): the job may run at once.
 */
export async function queueItemEvent(ctx: { db: Db; jobs: JobQueue }, roomId: string, type: ItemEventType, item: TrackedItem): Promise<void> {
	await queueWebhookEvent(ctx, roomId, type, item);
}

/** queueItemEvent for any event type; the delivery's id, or null when the room has no enabled webhook. */
export async function queueWebhookEvent(ctx: { db: Db; jobs: JobQueue }, roomId: string, type: WebhookEventType, item: TrackedItem): Promise<string | null> {
	const room = await findEnabledWebhookRoom(ctx.db, roomId);
	if (!room) return null;
	const id = randomUUID();
	const body: WebhookBody = { id, type, createdAt: new Date().toISOString(), room: { code: room.code, name: room.name }, item };
	await insertDelivery(ctx.db, { id, roomId, eventType: type, body: JSON.stringify(body) });
	await ctx.jobs.enqueue('webhook.deliver', { deliveryId: id });
	await pruneDeliveries(ctx.db, roomId, LOG_DAYS);
	return id;
}
