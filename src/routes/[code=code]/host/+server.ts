import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages';
import { appContext } from '#lib/server/app-context';
import { setHostSessionCookie } from '#lib/server/access/cookies';
import { requireRoom } from '#lib/server/access/guards';
import { redeemHostKey } from '#lib/server/access/host-link.service';
import type { RequestHandler } from './$types';

/** The host link: opens a host session in this browser, then the meeting. */
export const GET: RequestHandler = async ({ params, url, cookies }) => {
	const ctx = appContext();
	const room = await requireRoom(ctx, params.code);
	const hostSession = await redeemHostKey(ctx, room, url.searchParams.get('key') ?? '');
	if (!hostSession) error(403, m.server_host_link_invalid());
	setHostSessionCookie(cookies, room.code, hostSession.id, url.protocol === 'https:');
	redirect(303, `/${room.code}`);
};
