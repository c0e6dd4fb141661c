import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { joinRoomSchema } from '#lib/forms/schemas';
import { appContext } from '#lib/server/app-context';
import { credentialsFor, ensureBrowserId, setJoinPassCookie } from '#lib/server/access/cookies';
import { ACCESS_FAILURES } from '#lib/server/access/failures';
import { requireRoom } from '#lib/server/access/guards';
import { join } from '#lib/server/access/join.service';
import { formFailure } from '#lib/server/http/form-failure';
import { joinPage } from '#lib/server/views/join-page.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies }) => {
	const ctx = appContext();
	const room = await requireRoom(ctx, params.code);
	const { displayName, ...view } = await joinPage(ctx, room, credentialsFor(cookies, room.code));
	return { ...view, form: await superValidate({ displayName }, zod4(joinRoomSchema), { errors: false }) };
};

export const actions: Actions = {
	/** The join step: let in (with the first LiveKit token: one round trip), or knocking in the lobby. */
	join: async ({ params, request, cookies, url, getClientAddress, setHeaders }) => {
		const ctx = appContext();
		const room = await requireRoom(ctx, params.code);
		const form = await superValidate(request, zod4(joinRoomSchema));
		if (!form.valid) return fail(400, { form });
		const secure = url.protocol === 'https:';
		const browserId = ensureBrowserId(cookies, secure);
		const result = await join(ctx, {
			room,
			displayName: form.data.displayName,
			password: form.data.password,
			credentials: { ...credentialsFor(cookies, room.code), browserId },
			client: getClientAddress()
		});
		if (!result.ok) return formFailure(form, result, ACCESS_FAILURES, setHeaders);
		setJoinPassCookie(cookies, room.code, result.pass.id, secure);
		if (result.via === 'lobby') return { form, knocking: true, hostPresent: result.hostPresent };
		return { form, joined: true, ...(result.connection ? { token: result.connection } : {}) };
	}
};
