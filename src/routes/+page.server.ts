import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { joinCodeSchema } from '#lib/forms/schemas';
import { parseRoomCode } from '#lib/room-code';
import { appContext } from '#lib/server/app-context';
import { setHostSessionCookie } from '#lib/server/access/cookies';
import { describeFailure } from '#lib/server/http/failures';
import { ROOM_FAILURES } from '#lib/server/rooms/failures';
import { newMeeting } from '#lib/server/rooms/room.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return { joinForm: await superValidate(zod4(joinCodeSchema)) };
};

export const actions: Actions = {
	create: async ({ cookies, url, getClientAddress, setHeaders }) => {
		const result = await newMeeting(appContext(), getClientAddress());
		if (!result.ok) {
			const { status, message, headers } = describeFailure(result, ROOM_FAILURES);
			setHeaders(headers);
			return fail(status, { createError: message });
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
