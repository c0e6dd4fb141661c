import { error, fail } from '@sveltejs/kit';
import { superValidate, setError } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { joinRoomSchema } from '#lib/forms/schemas';
import { isRoomCode } from '#lib/room-code';
import { isHostOf, joinPassParticipant, setJoinPass } from '#lib/server/auth/room-cookies';
import { appContext } from '#lib/server/context';
import { joinRoom, type JoinFailure } from '#lib/server/rooms/join.service';
import { findParticipant } from '#lib/server/rooms/participant.repository';
import { getRoom } from '#lib/server/rooms/room.service';
import { findLiveRun } from '#lib/server/recordings/recording.repository';
import type { Actions, PageServerLoad } from './$types';

async function roomOr404(code: string) {
	const room = isRoomCode(code) ? await getRoom(appContext(), code) : undefined;
	if (!room) error(404, 'No meeting with this code');
	return room;
}

export const load: PageServerLoad = async ({ params, cookies }) => {
	const room = await roomOr404(params.code);
	const previousId = joinPassParticipant(cookies, room.code);
	const previous = previousId ? await findParticipant(appContext().db, previousId) : undefined;
	const form = await superValidate({ displayName: previous?.display_name ?? '' }, zod4(joinRoomSchema), { errors: false });
	return {
		code: room.code,
		isHost: isHostOf(cookies, room.code, room.id),
		needsPassword: room.password_hash !== null,
		muteOnJoin: room.mute_on_join,
		cameraOffOnJoin: room.camera_off_on_join,
		recording: Boolean(await findLiveRun(appContext().db, room.id)),
		form
	};
};

const FAILURE_MESSAGES: Record<Exclude<JoinFailure, 'not_found' | 'wrong_password'>, string> = {
	locked: 'The host has locked this meeting. Ask them to unlock it.',
	full: 'This meeting is full.'
};

export const actions: Actions = {
	join: async ({ params, request, cookies, url }) => {
		const room = await roomOr404(params.code);
		const form = await superValidate(request, zod4(joinRoomSchema));
		if (!form.valid) return fail(400, { form });

		const result = await joinRoom(appContext(), {
			code: room.code,
			displayName: form.data.displayName,
			password: form.data.password,
			isHost: isHostOf(cookies, room.code, room.id),
			previousParticipantId: joinPassParticipant(cookies, room.code)
		});
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'No meeting with this code');
			if (result.reason === 'wrong_password') return setError(form, 'password', 'Wrong password. Ask the host for it.');
			return setError(form, '', FAILURE_MESSAGES[result.reason], { status: 403 });
		}
		setJoinPass(cookies, room.code, result.participant.id, url.protocol === 'https:');
		return { form, joined: true };
	}
};
