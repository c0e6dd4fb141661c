import { z } from 'zod';
import { m } from '#lib/paraglide/messages';

/** The room's item webhook URL (where it may point is the server's to check). */
export const itemWebhookSchema = z.object({
	url: z
		.string()
		.trim()
		.min(1, { error: () => m.memory_webhook_error_invalid() })
		.max(2048, { error: () => m.memory_webhook_error_invalid() })
});
