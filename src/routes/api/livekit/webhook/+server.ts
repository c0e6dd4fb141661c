import { error, json } from '@sveltejs/kit';
import { appContext } from '#lib/server/context';
import { livekitWebhooks } from '#lib/server/livekit/clients';
import { applyWebhook } from '#lib/server/livekit/webhook.service';
import { recordingContext } from '#lib/server/recordings/context';
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
	const outcome = await applyWebhook({ ...appContext(), recordings: recordingContext() }, event);
	return json({ outcome });
};
