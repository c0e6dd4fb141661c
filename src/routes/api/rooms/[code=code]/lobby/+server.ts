import { error, json, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireModerator } from '#lib/server/access/guards';
import { decideKnocks, lobbyUpdate } from '#lib/server/access/lobby.service';
import { procedure } from '#lib/server/http/procedure';

/** Host or co-host: who is waiting in the lobby. */
export const GET: RequestHandler = async ({ params, cookies }) => {
	const ctx = appContext();
	const { room, session } = await requireModerator(ctx, cookies, params.code!);
	if (!session) return json({ type: 'lobby', waiting: [], total: 0, askToJoin: room.admission === 'ask' });
	return json(await lobbyUpdate(ctx.db, room, session.id), { headers: { 'cache-control': 'no-store' } });
};

/** Host or co-host: admit or deny knocks (`ids`), or everyone waiting (no `ids`). */
export const POST = procedure(
	z.object({ action: z.enum(['admit', 'deny']), ids: z.array(z.uuid()).max(200).optional() }),
	async ({ input, event }) => {
		const ctx = appContext();
		const { room, session } = await requireModerator(ctx, event.cookies, event.params.code!);
		if (!session) error(409, 'The meeting has ended.');
		const result = await decideKnocks(ctx, room, session.id, input.action, input.ids ?? 'all');
		if (!result.ok) error(409, 'The meeting has ended.');
		return result;
	}
);
