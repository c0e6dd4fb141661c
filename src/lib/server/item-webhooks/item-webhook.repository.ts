import type { Db } from '../db';
import type { ItemWebhookDeliveryStatus } from '../db/schema';

/** The room's webhook row, or undefined when it has none. */
export async function findWebhook(db: Db, roomId: string) {
	return db.selectFrom('item_webhooks').selectAll().where('room_id', '=', roomId).executeTakeFirst();
}

/** Creates or replaces the room's webhook (url, sealed secret, enabled). */
export async function upsertWebhook(db: Db, roomId: string, values: { url: string; secretSealed: string; enabled: boolean }): Promise<void> {
	await db
		.insertInto('item_webhooks')
		.values({ room_id: roomId, url: values.url, secret_sealed: values.secretSealed, enabled: values.enabled })
		.onConflict((oc) =>
			oc.column('room_id').doUpdateSet({ url: values.url, secret_sealed: values.secretSealed, enabled: values.enabled, updated_at: new Date() })
		)
		.execute();
}

export async function setWebhookEnabled(db: Db, roomId: string, enabled: boolean): Promise<void> {
	await db.updateTable('item_webhooks').set({ enabled, updated_at: new Date() }).where('room_id', '=', roomId).execute();
}

/** The room (code, name) and its webhook when it has an enabled one. */
export async function findEnabledWebhookRoom(db: Db, roomId: string) {
	return db
		.selectFrom('item_webhooks')
		.innerJoin('rooms', 'rooms.id', 'item_webhooks.room_id')
		.select(['rooms.code', 'rooms.name'])
		.where('item_webhooks.room_id', '=', roomId)
		.where('item_webhooks.enabled', '=', true)
		.executeTakeFirst();
}

export async function insertDelivery(db: Db, values: { id: string; roomId: string; eventType: string; body: string }): Promise<void> {
	await db
		.insertInto('item_webhook_deliveries')
		.values({ id: values.id, room_id: values.roomId, event_type: values.eventType, payload: values.body })
		.execute();
}

/** Forgets the room's settled deliveries older than `days` (the log is for recent trouble, not an archive). */
export async function pruneDeliveries(db: Db, roomId: string, days: number): Promise<void> {
	await db
		.deleteFrom('item_webhook_deliveries')
		.where('room_id', '=', roomId)
		.where('status', '!=', 'pending')
		.where('created_at', '<', new Date(Date.now() - days * 86_400_000))
		.execute();
}

/** A delivery with its room's webhook (absent when the webhook was removed). */
export async function findDeliveryForSending(db: Db, deliveryId: string) {
	return db
		.selectFrom('item_webhook_deliveries as d')
		.leftJoin('item_webhooks as w', 'w.room_id', 'd.room_id')
		.select(['d.id', 'd.room_id', 'd.event_type', 'd.payload', 'd.status', 'd.attempts', 'd.created_at', 'w.url', 'w.secret_sealed', 'w.enabled'])
		.where('d.id', '=', deliveryId)
		.executeTakeFirst();
}

/** Records one attempt's outcome (attempts + 1). */
export async function recordAttempt(
	db: Db,
	deliveryId: string,
	outcome: { status: ItemWebhookDeliveryStatus; httpStatus: number | null; error: string | null; nextAttemptAt: Date | null }
): Promise<void> {
	await db
		.updateTable('item_webhook_deliveries')
		.set((eb) => ({
			status: outcome.status,
			attempts: eb('attempts', '+', 1),
			last_http_status: outcome.httpStatus,
			last_error: outcome.error,
			next_attempt_at: outcome.nextAttemptAt,
			delivered_at: outcome.status === 'delivered' ? new Date() : null
		}))
		.where('id', '=', deliveryId)
		.where('status', '=', 'pending')
		.execute();
}

/** Settles a delivery without an attempt (its webhook was removed or disabled). */
export async function failDelivery(db: Db, deliveryId: string, error: string): Promise<void> {
	await db
		.updateTable('item_webhook_deliveries')
		.set({ status: 'failed', last_error: error, next_attempt_at: null })
		.where('id', '=', deliveryId)
		.where('status', '=', 'pending')
		.execute();
}

/** The room's latest deliveries, newest first. */
export async function listDeliveries(db: Db, roomId: string, limit: number) {
	return db
		.selectFrom('item_webhook_deliveries')
		.select(['id', 'event_type', 'status', 'attempts', 'last_http_status', 'last_error', 'next_attempt_at', 'delivered_at', 'created_at'])
		.where('room_id', '=', roomId)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.limit(limit)
		.execute();
}
