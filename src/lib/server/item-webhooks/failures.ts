import { m } from '#lib/paraglide/messages';
import type { FailureTable } from '../http/failures';
import type { UrlRefusal } from './url-rule';

export type WebhookFailureReason = UrlRefusal | 'no_webhook';

/** How the settings page answers a webhook it cannot save or use (beside the URL field). */
export const WEBHOOK_FAILURES: FailureTable<WebhookFailureReason> = {
	invalid_url: [400, () => m.memory_webhook_error_invalid(), 'url'],
	not_http: [400, () => m.memory_webhook_error_not_http(), 'url'],
	has_credentials: [400, () => m.memory_webhook_error_credentials(), 'url'],
	private_address: [400, () => m.memory_webhook_error_private(), 'url'],
	unresolvable: [400, () => m.memory_webhook_error_unresolvable(), 'url'],
	no_webhook: [409, () => m.memory_webhook_error_none(), 'url']
};
