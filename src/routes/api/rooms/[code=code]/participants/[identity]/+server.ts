import { z } from 'zod';
import { m } from '#lib/paraglide/messages';
import { appContext } from '#lib/server/app-context';
import { ACCESS_FAILURES } from '#lib/server/access/failures';
import { requireHost, requireModerator } from '#lib/server/access/guards';
import { procedure } from '#lib/server/http/procedure';
import { moderate } from '#lib/server/moderation/host-controls.service';

/** Host or co-host: mute or remove one participant. Host only: make them co-host, or take it back. */
export const POST = procedure(
	z.object({ action: z.enum(['mute', 'remove', 'make_cohost', 'remove_cohost']) }),
	async ({ input, event }) => {
		const ctx = appContext();
		const code = event.params.code!;
		const by = input.action === 'make_cohost' || input.action === 'remove_cohost' ? { room: await requireHost(ctx, event.cookies, code), role: 'host' as const } : await requireModerator(ctx, event.cookies, code);
		const result = await moderate(ctx, by.room, event.params.identity ?? '', input.action, by.role);
		return result.ok ? { ok: true as const } : result;
	},
	{ ...ACCESS_FAILURES, livekit_unavailable: [503, () => m.server_livekit_unreachable()] }
);
