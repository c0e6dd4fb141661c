import { z } from 'zod';
import { appContext } from '#lib/server/app-context';
import { requireModerator } from '#lib/server/access/guards';
import { setCaptions } from '#lib/server/access/room-settings.service';
import { procedure } from '#lib/server/http/procedure';

/** Host or co-host: turns the room's live captions on or off (the transcriber joins its meetings while on). */
export const POST = procedure(z.object({ on: z.boolean() }), async ({ input, event }) => {
	const ctx = appContext();
	const { room } = await requireModerator(ctx, event.cookies, event.params.code!);
	const saved = await setCaptions(ctx, room, input.on);
	return { captions: saved.captions };
});
