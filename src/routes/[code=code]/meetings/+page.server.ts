import { appContext } from '#lib/server/app-context';
import { requireHost } from '#lib/server/access/guards';
import { credentialsFor } from '#lib/server/access/cookies';
import { listItems } from '#lib/server/items/items.service';
import { searchRoomMeetings } from '#lib/server/memory/memory-pages.service';
import { pastMeetings } from '#lib/server/records/meeting-record.service';
import { readSearchForm } from '#lib/memory/search-form';
import type { PageServerLoad } from './$types';

/** The host's list of this room's past meetings, and the search over them (?q=…). */
export const load: PageServerLoad = async ({ params, cookies, url }) => {
	const ctx = appContext();
	const room = await requireHost(ctx, cookies, params.code);
	const form = readSearchForm(url.searchParams);
	const [sessions, hits, items] = await Promise.all([pastMeetings(ctx.db, room.id), searchRoomMeetings(ctx, cookies, room, form), listItems(ctx, room, credentialsFor(cookies, room.code))]);
	return { code: room.code, sessions, form, hits, items: items.items };
};
