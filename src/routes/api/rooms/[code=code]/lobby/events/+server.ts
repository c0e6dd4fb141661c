import { error, type RequestHandler } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages';
import { appContext } from '#lib/server/app-context';
import { credentialsFor } from '#lib/server/access/cookies';
import { requireRoom } from '#lib/server/access/guards';
import { knockStream } from '#lib/server/access/knock-stream';
import { knockState } from '#lib/server/access/lobby.service';

/** The knocker's lobby screen: where their knock stands, pushed as it changes (server-sent events). */
export const GET: RequestHandler = async ({ params, cookies, request }) => {
	const ctx = appContext();
	const room = await requireRoom(ctx, params.code!);
	const credentials = credentialsFor(cookies, room.code);
	if (!credentials.passId) error(403, m.server_ask_to_join_first());
	const first = await knockState(ctx, room, credentials);
	return new Response(knockStream(ctx, room, credentials, first, request.signal), {
		headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-accel-buffering': 'no' }
	});
};
