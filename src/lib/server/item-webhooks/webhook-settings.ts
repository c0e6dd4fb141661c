import { env } from '../env';

/** What sending and saving webhooks need from the configuration. */
export interface WebhookSettings {
	/** The key the signing secrets are sealed under is derived from it (SESSION_SECRET). */
	sealingSecret: string;
	allowPrivateTargets: boolean;
	timeoutMs: number;
}

/** The sealed secret's purpose label and per-row context (crypto/sealed.ts). */
export const SEAL_PURPOSE = 'item-webhook-secret';

/** This process's settings. */
export function webhookSettings(): WebhookSettings {
	const config = env();
	return { sealingSecret: config.SESSION_SECRET, allowPrivateTargets: config.ITEM_WEBHOOK_ALLOW_PRIVATE_TARGETS, timeoutMs: 10_000 };
}
