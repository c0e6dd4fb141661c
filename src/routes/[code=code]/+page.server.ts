import { error, fail } from '@sveltejs/kit';
import { superValidate, setError } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { joinRoomSchema } from '#lib/forms/schemas';
import { appContext } from '#lib/server/app-context';
import { admit } from '#lib/server/access/admission.service';
import { credentialsFor, ensureBrowserId, setJoinPassCookie } from '#lib/server/access/cookies';
import { requireRoom } from '#lib/server/access/guards';
import { isHost, passOf } from '#lib/server/access/room-policy';
import { findOpenSession } from '#lib/server/meetings/session.repository';
import { DENIAL_MESSAGES } from '#lib/server/access/room-rules';
import { issueToken } from '#lib/server/access/token.service';
import { findLiveRun } from '#lib/server/recordings/recording.repository';
import { findParticipant } from '#lib/server/rooms/participant.repository';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies }) => {
	const ctx = appContext();
	const room = await requireRoom(ctx, params.code);
	const credentials = credentialsFor(cookies, room.code);
	const pass = await passOf(ctx.db, room, credentials);
	const previous = pass ? await findParticipant(ctx.db, pass.participant_id) : undefined;
	const form = await superValidate({ displayName: previous?.display_name ?? '' }, zod4(joinRoomSchema), { errors: false });
	const host = await isHost(ctx.db, room, credentials);
	const session = host ? undefined : await findOpenSession(ctx.db, room.id);
	return {
		code: room.code,
		isHost: host,
		/** A guest will knock and wait to be let in (unless let into this meeting before). */
		asksToJoin: !host && (room.admission === 'ask' || session?.lobby_forced_at != null),
		needsPassword: room.password_hash !== null,
		muteOnJoin: room.mute_on_join,
		cameraOffOnJoin: room.camera_off_on_join,
		recording: Boolean(await findLiveRun(ctx.db, room.id)),
		// Public (the CSP names it too): the pre-join screen warms the connection to it.
		livekitUrl: ctx.config.LIVEKIT_WS_URL,
		form
	};
};

export const actions: Actions = {
	join: async ({ params, request, cookies, url, getClientAddress, setHeaders }) => {
		const ctx = appContext();
		const room = await requireRoom(ctx, params.code);
		const form = await superValidate(request, zod4(joinRoomSchema));
		if (!form.valid) return fail(400, { form });

		const secure = url.protocol === 'https:';
		const browserId = ensureBrowserId(cookies, secure);
		const result = await admit(ctx, {
			room,
			displayName: form.data.displayName,
			password: form.data.password,
			credentials: { ...credentialsFor(cookies, room.code), browserId },
			client: getClientAddress()
		});
		if (!result.ok) {
			switch (result.reason) {
				case 'wrong_password':
					return setError(form, 'password', 'Wrong password. Ask the host for it.');
				case 'rate_limited':
					setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
					return setError(form, '', `Too many attempts. Try again in ${result.retryAfterSeconds} s.`, { status: 429 });
				case 'livekit_unavailable':
					error(503, 'The meeting server is unreachable right now. Try again in a moment.');
				case 'name_taken':
					return setError(form, 'displayName', 'That is the name of a host of this meeting. Choose another.');
				default:
					return setError(form, '', DENIAL_MESSAGES[result.reason], { status: 403 });
			}
		}
		setJoinPassCookie(cookies, room.code, result.pass.id, secure);
		if (result.via === 'lobby') return { form, knocking: true, hostPresent: result.hostPresent };
		// One round trip: the answer carries the first LiveKit token, minted under the same room
		// policy as every other. Without one (refused or failed now) the client asks the token
		// endpoint, which says why.
		const credentials = { ...credentialsFor(cookies, room.code), browserId, passId: result.pass.id };
		const token = await issueToken(ctx, room, credentials, { justAdmitted: { pass: result.pass, hostSessionId: result.hostSessionId } });
		if (!token.ok) return { form, joined: true };
		const { ok: _, ...connection } = token;
		return { form, joined: true, token: connection };
	}
};
