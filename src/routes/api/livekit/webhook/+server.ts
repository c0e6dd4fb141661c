import { error, json } from '@sveltejs/kit';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';
import { receiveWebhook } from '#lib/server/webhooks/webhook.service';
import type { RequestHandler } from './$types';

/** LiveKit's signed webhooks: verified against the raw body (so not a JSON procedure), applied once per event id. */
export const POST: RequestHandler = async ({ request }) => {
	const received = await receiveWebhook(pipelineContext(), await request.text(), request.headers.get('authorization') ?? undefined);
	if ('ok' in received) error(401, 'Invalid webhook signature');
	return json(received);
};
