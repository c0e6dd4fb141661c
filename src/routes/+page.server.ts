import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { joinCodeSchema } from '#lib/forms/schemas';
import { parseRoomCode } from '#lib/room-code';
import { setHostSession } from '#lib/server/auth/room-cookies';
import { appContext } from '#lib/server/context';
import { createRoom } from '#lib/server/rooms/room.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { joinForm: await superValidate(zod4(joinCodeSchema)) };
};

export const actions: Actions = {
	create: async ({ cookies, url }) => {
		const result = await createRoom(appContext());
		if (!result.ok) {
			return fail(503, { createError: 'The meeting server is unreachable right now. Try again in a moment.' });
		}
		setHostSession(cookies, result.room.code, result.room.id, url.protocol === 'https:');
		redirect(303, `/${result.room.code}`);
	},

	join: async ({ request }) => {
		const joinForm = await superValidate(request, zod4(joinCodeSchema));
		if (!joinForm.valid) return fail(400, { joinForm });
		redirect(303, `/${parseRoomCode(joinForm.data.code)}`);
	}
};
