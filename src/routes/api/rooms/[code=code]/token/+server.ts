import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { credentialsFor } from '#lib/server/access/cookies';
import { requireRoom } from '#lib/server/access/guards';
import { DENIAL_MESSAGES } from '#lib/server/access/room-rules';
import { issueToken } from '#lib/server/access/token.service';
import { procedure } from '#lib/server/http/procedure';

/** Issues a LiveKit token, asking the room policy now (removal, end, lock and capacity hold on every mint). */
export const POST = procedure(z.object({}), async ({ event }) => {
	const ctx = appContext();
	const room = await requireRoom(ctx, event.params.code!);
	const result = await issueToken(ctx, room, credentialsFor(event.cookies, room.code));
	if (!result.ok) {
		if (result.reason === 'livekit_unavailable') error(503, 'The meeting server is unreachable. Retrying…');
		if (result.reason === 'rate_limited') {
			event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			error(429, `Too many requests. Try again in ${result.retryAfterSeconds} s.`);
		}
		error(403, DENIAL_MESSAGES[result.reason]);
	}
	return { token: result.token, wsUrl: result.wsUrl, identity: result.identity, expiresInSeconds: result.expiresInSeconds, sessionId: result.sessionId };
});
