import { json } from '@sveltejs/kit';
import { appContext } from '#lib/server/app-context';
import { credentialsFor } from '#lib/server/access/cookies';
import { requireRoom } from '#lib/server/access/guards';
import { describeFailure } from '#lib/server/http/failures';
import { ITEM_FAILURES } from '#lib/server/items/failures';
import { itemsFile } from '#lib/server/items/items-file.service';
import type { RequestHandler } from './$types';

/** Downloads the room's tracked items this browser may see as a Markdown checklist, CSV or iCalendar. */
export const GET: RequestHandler = async ({ params, cookies, url }) => {
	const ctx = appContext();
	const room = await requireRoom(ctx, params.code);
	const file = await itemsFile(ctx, room, credentialsFor(cookies, room.code), params.format, url.hostname);
	if ('ok' in file) {
		const { status, message } = describeFailure(file, ITEM_FAILURES);
		return json({ message }, { status });
	}
	return new Response(file.body, { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' } });
};
