import { error, redirect } from '@sveltejs/kit';
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
	if (!hostSession) error(403, 'This host link is not valid (it may have been replaced by a newer one)');
	setHostSessionCookie(cookies, room.code, hostSession.id, url.protocol === 'https:');
	redirect(303, `/${room.code}`);
};
