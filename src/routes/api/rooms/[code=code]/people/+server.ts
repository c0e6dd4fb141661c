import { json, type RequestHandler } from '@sveltejs/kit';
import { appContext } from '#lib/server/app-context';
import { requireModerator } from '#lib/server/access/guards';
import { meetingPeople } from '#lib/server/access/people.service';

/** Host or co-host: everyone who holds a way into the meeting (in the call, connecting, waiting), and the room's access. */
export const GET: RequestHandler = async ({ params, cookies }) => {
	const ctx = appContext();
	const { room, session } = await requireModerator(ctx, cookies, params.code!);
	return json(
		{
			people: session ? await meetingPeople(ctx.db, session.id) : [],
			locked: room.locked,
			askToJoin: room.admission === 'ask' || session?.lobby_forced_at != null
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
