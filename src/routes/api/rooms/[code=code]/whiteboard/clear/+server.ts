import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireModerator } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { BOARD_FAILURES } from '#lib/server/whiteboard/failures';
import { clearWhiteboard } from '#lib/server/whiteboard/whiteboard.service';

/** Host or co-host: clear the board for everyone. */
export const POST = procedure(
	z.object({}),
	async ({ event }) => {
		const ctx = appContext();
		const { room, session } = await requireModerator(ctx, event.cookies, event.params.code!);
		return clearWhiteboard(ctx, room, session);
	},
	BOARD_FAILURES
);
