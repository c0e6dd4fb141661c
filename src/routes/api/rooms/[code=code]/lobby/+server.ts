import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { ACCESS_FAILURES } from '#lib/server/access/failures';
import { requireModerator } from '#lib/server/access/guards';
import { decideKnocks, lobbyView } from '#lib/server/access/lobby.service';
import { procedure, query } from '#lib/server/http/procedure';

/** Host or co-host: who is waiting in the lobby. */
export const GET = query(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const { room, session } = await requireModerator(ctx, event.cookies, event.params.code!);
	return lobbyView(ctx.db, room, session);
});

/** Host or co-host: admit or deny knocks (`ids`), or everyone waiting (no `ids`). */
export const POST = procedure(
	z.object({ action: z.enum(['admit', 'deny']), ids: z.array(z.uuid()).max(200).optional() }),
	async ({ input, event }) => {
		const ctx = appContext();
		const { room, session } = await requireModerator(ctx, event.cookies, event.params.code!);
		return decideKnocks(ctx, room, session?.id ?? null, input.action, input.ids ?? 'all');
	},
	ACCESS_FAILURES
);
