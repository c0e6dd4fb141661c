import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { credentialsFor } from '#lib/server/access/cookies';
import { ACCESS_FAILURES } from '#lib/server/access/failures';
import { requireRoom } from '#lib/server/access/guards';
import { issueToken } from '#lib/server/access/token.service';
import { procedure } from '#lib/server/http/procedure';

/** Issues a LiveKit token, asking the room policy now (removal, end, lock and capacity hold on every mint). */
export const POST = procedure(
	z.object({}),
	async ({ event }) => {
		const ctx = appContext();
		const room = await requireRoom(ctx, event.params.code!);
		const result = await issueToken(ctx, room, credentialsFor(event.cookies, room.code));
		if (!result.ok) return result;
		const { ok: _, ...connection } = result;
		return connection;
	},
	ACCESS_FAILURES
);
