import { error, json } from '@sveltejs/kit';
import { livekitWebhooks } from '#lib/server/livekit/clients';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';
import { applyWebhook } from '#lib/server/webhooks/webhook.service';
import type { RequestHandler } from './$types';

/** LiveKit's signed webhooks: verified against the raw body, applied once per event id. */
export const POST: RequestHandler = async ({ request }) => {
	const body = await request.text();
	let event;
	try {
		event = await livekitWebhooks().receive(body, request.headers.get('authorization') ?? undefined);
	} catch {
		error(401, 'Invalid webhook signature');
	}
	return json({ outcome: await applyWebhook(pipelineContext(), event) });
};
