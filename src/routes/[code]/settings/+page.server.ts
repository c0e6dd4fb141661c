import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { roomSettingsSchema } from '#lib/forms/schemas';
import { requireHost } from '#lib/server/auth/host-guard';
import { appContext } from '#lib/server/context';
import { rotateHostKey, updateRoomSettings } from '#lib/server/rooms/room-settings.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies }) => {
	const room = await requireHost(appContext().db, cookies, params.code);
	const form = await superValidate(
		{
			muteOnJoin: room.mute_on_join,
			cameraOffOnJoin: room.camera_off_on_join,
			locked: room.locked,
			maxParticipants: room.max_participants
		},
		zod4(roomSettingsSchema),
		{ errors: false }
	);
	return { code: room.code, hasPassword: room.password_hash !== null, form };
};

export const actions: Actions = {
	save: async ({ params, cookies, request }) => {
		const ctx = appContext();
		const room = await requireHost(ctx.db, cookies, params.code);
		const form = await superValidate(request, zod4(roomSettingsSchema));
		if (!form.valid) return fail(400, { form });
		await updateRoomSettings(ctx, room, form.data);
		form.data.password = '';
		return message(form, 'Saved. The new settings apply to the next person who joins.');
	},

	hostLink: async ({ params, cookies, url }) => {
		const ctx = appContext();
		const room = await requireHost(ctx.db, cookies, params.code);
		const key = await rotateHostKey(ctx, room);
		return { hostLink: `${url.origin}/${room.code}/host?key=${encodeURIComponent(key)}` };
	}
};
