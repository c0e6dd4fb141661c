import { requireHost } from '#lib/server/auth/host-guard';
import { appContext } from '#lib/server/context';
import { pastSessions } from '#lib/server/recordings/record.service';
import type { PageServerLoad } from './$types';

/** The host's list of this room's past meetings. */
export const load: PageServerLoad = async ({ params, cookies }) => {
	const ctx = appContext();
	const room = await requireHost(ctx.db, cookies, params.code);
	const sessions = await pastSessions(ctx, room.id);
	return {
		code: room.code,
		sessions: sessions.map((s) => ({
			id: s.id,
			startedAt: s.started_at.toISOString(),
			endedAt: s.ended_at?.toISOString() ?? null,
			transcriptStatus: s.transcript_status,
			participants: Number(s.participants ?? 0)
		}))
	};
};
