import type { TrackedItem } from '#lib/items/types';
import { seal } from '../crypto/sealed';
import type { Db } from '../db';
import type { ItemWebhookDeliveryStatus, Room } from '../db/schema';
import type { Failure } from '../http/failures';
import type { JobQueue } from '../jobs/queue';
import { findWebhook, listDeliveries, setWebhookEnabled, upsertWebhook } from './item-webhook.repository';
import { queueWebhookEvent } from './outbox';
import { newSigningSecret } from './signing';
import { resolveTarget, type Resolver } from './target';
import type { UrlRefusal } from './url-rule';
import { SEAL_PURPOSE, webhookSettings, type WebhookSettings } from './webhook-settings';

/** How many deliveries the settings page lists. */
export const DELIVERY_LOG_SIZE = 20;

/** One row of the delivery log, as the host sees it. */
export interface DeliveryView {
	id: string;
	createdAt: string;
	event: string;
	status: ItemWebhookDeliveryStatus;
	attempts: number;
	httpStatus: number | null;
	error: string | null;
	nextAttemptAt: string | null;
}

/** The room's webhook for its settings page (never the secret). */
export interface WebhookView {
	url: string | null;
	enabled: boolean;
	deliveries: DeliveryView[];
}

export async function webhookView(ctx: { db: Db }, room: Room): Promise<WebhookView> {
	const [webhook, deliveries] = await Promise.all([findWebhook(ctx.db, room.id), listDeliveries(ctx.db, room.id, DELIVERY_LOG_SIZE)]);
	return {
		url: webhook?.url ?? null,
		enabled: webhook?.enabled ?? false,
		deliveries: deliveries.map((d) => ({
			id: d.id,
			createdAt: d.created_at.toISOString(),
			event: d.event_type,
			status: d.status,
			attempts: d.attempts,
			httpStatus: d.last_http_status,
			error: d.last_error,
			nextAttemptAt: d.status === 'pending' ? (d.next_attempt_at?.toISOString() ?? null) : null
		}))
	};
}

/**
 * Sets (and enables) the room's webhook URL once it is http(s), has no credentials and every
 * address it resolves to is public (unless private targets are allowed). A first webhook gets
 * a new signing secret, answered once so the host can copy it; a changed URL keeps its secret.
 */
export async function saveWebhook(
	ctx: { db: Db },
	room: Room,
	rawUrl: string,
	settings: WebhookSettings = webhookSettings(),
	resolver?: Resolver
): Promise<{ ok: true; secret: string | null } | Failure<UrlRefusal>> {
	const checked = await resolveTarget(rawUrl, settings.allowPrivateTargets, resolver);
	if (!checked.ok) return { ok: false, reason: checked.reason };
	const existing = await findWebhook(ctx.db, room.id);
	const secret = existing ? null : newSigningSecret();
	const secretSealed = existing?.secret_sealed ?? seal(secret!, settings.sealingSecret, SEAL_PURPOSE, room.id);
	await upsertWebhook(ctx.db, room.id, { url: checked.target.url.href, secretSealed, enabled: true });
	return { ok: true, secret };
}

/** A new signing secret for the room's webhook (the old one stops verifying at once); answered once. */
export async function rotateWebhookSecret(
	ctx: { db: Db },
	room: Room,
	settings: WebhookSettings = webhookSettings()
): Promise<{ ok: true; secret: string } | Failure<'no_webhook'>> {
	const existing = await findWebhook(ctx.db, room.id);
	if (!existing) return { ok: false, reason: 'no_webhook' };
	const secret = newSigningSecret();
	await upsertWebhook(ctx.db, room.id, { url: existing.url, secretSealed: seal(secret, settings.sealingSecret, SEAL_PURPOSE, room.id), enabled: existing.enabled });
	return { ok: true, secret };
}

/** Stops sending: queued deliveries fail as "webhook disabled"; the URL and secret are kept. */
export async function disableWebhook(ctx: { db: Db }, room: Room): Promise<void> {
	await setWebhookEnabled(ctx.db, room.id, false);
}

/** Queues a `webhook.test` event carrying a sample item, so the host can check the receiver. */
export async function sendTestEvent(ctx: { db: Db; jobs: JobQueue }, room: Room): Promise<{ ok: true } | Failure<'no_webhook'>> {
	const now = new Date().toISOString();
	const sample: TrackedItem = {
		id: '00000000-0000-0000-0000-000000000000',
		roomCode: room.code,
		text: 'Test event from Stoom: this item is not real',
		owner: null,
		dueText: null,
		dueDate: null,
		status: 'open',
		mentions: [],
		createdAt: now,
		updatedAt: now,
		doneAt: null
	};
	const id = await queueWebhookEvent(ctx, room.id, 'webhook.test', sample);
	return id ? { ok: true } : { ok: false, reason: 'no_webhook' };
}
