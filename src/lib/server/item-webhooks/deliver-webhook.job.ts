import { unseal } from '../crypto/sealed';
import type { Db } from '../db';
import { QUEUES } from '../jobs/queue';
import type { Attempt } from '../jobs/runner';
import { attemptError, decideAttempt, nextAttemptAt, type AttemptResult } from './attempt-outcome';
import { failDelivery, findDeliveryForSending, recordAttempt } from './item-webhook.repository';
import { postWebhook } from './post';
import { signatureHeaders } from './signing';
import { resolveTarget, type Resolver } from './target';
import { SEAL_PURPOSE, webhookSettings, type WebhookSettings } from './webhook-settings';

/** Thrown to have pg-boss try the delivery again after its backoff. */
export class RetryDelivery extends Error {}

/**
 * The `webhook.deliver` job: sends one delivery of the log, signed, to the room's webhook,
 * checking the target's resolved address again first. Each attempt is recorded in the log;
 * a transient failure throws (pg-boss retries with exponential backoff), the last one or a
 * refusal leaves the delivery failed. Settled deliveries are left alone (a redelivered job).
 */
export async function deliverWebhook(
	ctx: { db: Db },
	deliveryId: string,
	attempt: Attempt,
	settings: WebhookSettings = webhookSettings(),
	resolver?: Resolver
): Promise<void> {
	const delivery = await findDeliveryForSending(ctx.db, deliveryId);
	if (!delivery || delivery.status !== 'pending') return;
	if (!delivery.url || !delivery.secret_sealed || !delivery.enabled) return failDelivery(ctx.db, deliveryId, 'webhook disabled');
	const secret = unseal(delivery.secret_sealed, settings.sealingSecret, SEAL_PURPOSE, delivery.room_id);
	if (secret === null) return failDelivery(ctx.db, deliveryId, 'secret unreadable (SESSION_SECRET changed): generate a new one');

	const body = JSON.stringify(delivery.payload);
	const resolved = await resolveTarget(delivery.url, settings.allowPrivateTargets, resolver);
	let result: AttemptResult;
	if (resolved.ok) {
		const headers = signatureHeaders(secret, delivery.id, Math.floor(Date.now() / 1000), body);
		result = await postWebhook(resolved.target, headers, body, settings.timeoutMs);
	} else if (resolved.reason === 'unresolvable') {
		result = { kind: 'network', error: 'host not found' };
	} else {
		result = { kind: 'refused', error: resolved.reason === 'private_address' ? 'private address refused' : 'URL refused' };
	}

	const decision = decideAttempt(result, attempt.lastAttempt);
	const { retryDelay = 1, retryDelayMax = 3600 } = QUEUES['webhook.deliver'];
	await recordAttempt(ctx.db, deliveryId, {
		status: decision === 'retry' ? 'pending' : decision,
		httpStatus: result.kind === 'response' ? result.status : null,
		error: attemptError(result),
		nextAttemptAt: decision === 'retry' ? nextAttemptAt(new Date(), attempt.retryCount, retryDelay, retryDelayMax) : null
	});
	if (decision === 'retry') throw new RetryDelivery(`webhook delivery ${deliveryId}: ${attemptError(result)}, will retry`);
}
