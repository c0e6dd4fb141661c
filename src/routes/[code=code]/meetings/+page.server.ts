import { appContext } from '#lib/server/app-context';
import { requireHost } from '#lib/server/access/guards';
import { pastMeetings } from '#lib/server/records/meeting-record.service';
import type { PageServerLoad } from './$types';

/** The host's list of this room's past meetings. */
export const load: PageServerLoad = async ({ params, cookies }) => {
	const ctx = appContext();
	const room = await requireHost(ctx, cookies, params.code);
	return { code: room.code, sessions: await pastMeetings(ctx.db, room.id) };
};
