import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { joinCodeSchema } from '#lib/forms/schemas';
import { parseRoomCode } from '#lib/room-code';
import { appContext } from '#lib/server/app-context';
import { setHostSessionCookie } from '#lib/server/access/cookies';
import { retryAfterSeconds } from '#lib/server/rate-limit/limiter';
import { clientKey } from '#lib/server/rate-limit/client-key';
import { createRoom } from '#lib/server/rooms/room.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { joinForm: await superValidate(zod4(joinCodeSchema)) };
};

export const actions: Actions = {
	create: async ({ cookies, url, getClientAddress, setHeaders }) => {
		const ctx = appContext();
		const allowance = await ctx.limits.createRoom.consume(clientKey(getClientAddress()));
		if (!allowance.ok) {
			const seconds = retryAfterSeconds(allowance);
			setHeaders({ 'retry-after': String(seconds) });
			return fail(429, { createError: `You have started many meetings just now. Try again in ${seconds} s.` });
		}
		const result = await createRoom(ctx);
		if (!result.ok) {
			return fail(503, { createError: 'The meeting server is unreachable right now. Try again in a moment.' });
		}
		setHostSessionCookie(cookies, result.room.code, result.hostSession.id, url.protocol === 'https:');
		redirect(303, `/${result.room.code}`);
	},

	join: async ({ request }) => {
		const joinForm = await superValidate(request, zod4(joinCodeSchema));
		if (!joinForm.valid) return fail(400, { joinForm });
		redirect(303, `/${parseRoomCode(joinForm.data.code)}`);
	}
};
