import type { Cookies } from '@sveltejs/kit';
import { sql, type Expression, type SqlBool } from 'kysely';
import { credentialsFor } from '../access/cookies';
import type { Db } from '../db';

/** Who is looking at the meeting memory: the rooms this browser hosts now, and the browser itself. */
export interface MemoryViewer {
	browserId: string | null;
	hostRoomIds: string[];
}

const HOST_COOKIE = /^host-([a-z0-9-]{1,64})$/;

/** From the request's cookies: every room whose host cookie is a live host session, and this browser. */
export async function memoryViewer(ctx: { db: Db }, cookies: Cookies): Promise<MemoryViewer> {
	const held = cookies
		.getAll()
		.map(({ name }) => HOST_COOKIE.exec(name)?.[1])
		.filter((code): code is string => code !== undefined)
		.map((code) => ({ code, hostSessionId: credentialsFor(cookies, code).hostSessionId }))
		.filter((h): h is { code: string; hostSessionId: string } => h.hostSessionId !== null);
	const browserId = credentialsFor(cookies, '').browserId;
	if (held.length === 0) return { browserId, hostRoomIds: [] };
	// Live and of the room's current host-link generation: the room policy's isHost, for every cookie at once.
	const rows = await ctx.db
		.selectFrom('host_sessions as hs')
		.innerJoin('rooms as r', 'r.id', 'hs.room_id')
		.select(['r.id', 'r.code', 'hs.id as hostSessionId'])
		.where('hs.id', 'in', held.map((h) => h.hostSessionId))
		.where('hs.revoked_at', 'is', null)
		.where('hs.expires_at', '>', new Date())
		.whereRef('hs.generation', '=', 'r.host_generation')
		.execute();
	const hostRoomIds = rows.filter((row) => held.some((h) => h.code === row.code && h.hostSessionId === row.hostSessionId)).map((row) => row.id);
	return { browserId, hostRoomIds: [...new Set(hostRoomIds)] };
}

/**
 * The access rule as SQL over a meeting session (`sessionIdRef`, `roomIdRef`): its room is one
 * the viewer hosts, or this browser took part in it (access/pass.repository `tookPart`: a pass of
 * this browser whose participant joined and was not removed). Its own aliases are unlikely
 * names, so they never shadow the caller's.
 */
export function visibleSession(viewer: MemoryViewer, sessionIdRef: string, roomIdRef: string): Expression<SqlBool> {
	const hosted = viewer.hostRoomIds.length
		? sql<boolean>`${sql.ref(roomIdRef)} = any(${sql.val(viewer.hostRoomIds)}::uuid[])`
		: sql<boolean>`false`;
	if (viewer.browserId === null) return hosted;
	return sql<boolean>`(${hosted} or exists (
		select 1 from join_passes viewer_pass join participants viewer_part on viewer_part.id = viewer_pass.participant_id
		where viewer_pass.session_id = ${sql.ref(sessionIdRef)} and viewer_pass.browser_id = ${viewer.browserId}
		  and viewer_part.joined_at is not null and viewer_part.removed_at is null
		  and (viewer_pass.revoked_reason is null or viewer_pass.revoked_reason <> 'removed')))`;
}
