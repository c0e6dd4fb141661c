import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '#lib/paraglide/messages';
import { roomSettingsSchema } from '#lib/forms/schemas';
import { appContext } from '#lib/server/app-context';
import { credentialsFor, setHostSessionCookie } from '#lib/server/access/cookies';
import { requireHost } from '#lib/server/access/guards';
import { newHostLink } from '#lib/server/moderation/host-controls.service';
import { defaultSpokenLanguage, updateRoomSettings } from '#lib/server/access/room-settings.service';
import { itemWebhookSchema } from '#lib/forms/item-webhook';
import { formFailure } from '#lib/server/http/form-failure';
import { WEBHOOK_FAILURES } from '#lib/server/item-webhooks/failures';
import { disableWebhook, rotateWebhookSecret, saveWebhook, sendTestEvent, webhookView } from '#lib/server/item-webhooks/item-webhook.service';
import { pipelineContext } from '#lib/server/pipeline/pipeline-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, cookies }) => {
	const room = await requireHost(appContext(), cookies, params.code);
	const form = await superValidate(
		{
			muteOnJoin: room.mute_on_join,
			cameraOffOnJoin: room.camera_off_on_join,
			locked: room.locked,
			askToJoin: room.admission === 'ask',
			reactions: room.reactions,
			captions: room.captions,
			spokenLanguage: room.transcription_language ?? '',
			maxParticipants: room.max_participants
		},
		zod4(roomSettingsSchema),
		{ errors: false }
	);
	const webhook = await webhookView(appContext(), room);
	const webhookForm = await superValidate({ url: webhook.url ?? '' }, zod4(itemWebhookSchema), { id: 'webhook', errors: false });
	return { code: room.code, hasPassword: room.password_hash !== null, form, defaultLanguage: defaultSpokenLanguage(), webhook, webhookForm };
};

/** The webhook form, for answering a webhook action's failure beside the URL. */
const webhookFormFor = (url = '') => superValidate({ url }, zod4(itemWebhookSchema), { id: 'webhook', errors: false });

export const actions: Actions = {
	save: async ({ params, cookies, request }) => {
		const ctx = appContext();
		const room = await requireHost(ctx, cookies, params.code);
		const form = await superValidate(request, zod4(roomSettingsSchema));
		if (!form.valid) return fail(400, { form });
		await updateRoomSettings(ctx, room, form.data);
		form.data.password = '';
		return message(form, m.server_settings_saved());
	},

	hostLink: async ({ params, cookies, url }) => {
		const ctx = appContext();
		const room = await requireHost(ctx, cookies, params.code);
		const { key, hostSession } = await newHostLink(ctx, room, credentialsFor(cookies, room.code).browserId);
		// Every other host session just ended; this browser keeps host rights with a new one.
		setHostSessionCookie(cookies, room.code, hostSession.id, url.protocol === 'https:');
		return { hostLink: `${url.origin}/${room.code}/host?key=${encodeURIComponent(key)}` };
	},

	webhookSave: async ({ params, cookies, request, setHeaders }) => {
		const ctx = appContext();
		const room = await requireHost(ctx, cookies, params.code);
		const form = await superValidate(request, zod4(itemWebhookSchema), { id: 'webhook' });
		if (!form.valid) return fail(400, { form });
		const result = await saveWebhook(ctx, room, form.data.url);
		if (!result.ok) return formFailure(form, result, WEBHOOK_FAILURES, setHeaders);
		return { ...message(form, m.memory_webhook_saved()), webhookSecret: result.secret };
	},

	webhookRotate: async ({ params, cookies, setHeaders }) => {
		const ctx = appContext();
		const room = await requireHost(ctx, cookies, params.code);
		const result = await rotateWebhookSecret(ctx, room);
		if (!result.ok) return formFailure(await webhookFormFor(), result, WEBHOOK_FAILURES, setHeaders);
		return { webhookSecret: result.secret };
	},

	webhookTest: async ({ params, cookies, setHeaders }) => {
		const ctx = pipelineContext();
		const room = await requireHost(ctx, cookies, params.code);
		const result = await sendTestEvent(ctx, room);
		if (!result.ok) return formFailure(await webhookFormFor(), result, WEBHOOK_FAILURES, setHeaders);
		return { webhookTest: true };
	},

	webhookDisable: async ({ params, cookies }) => {
		const ctx = appContext();
		const room = await requireHost(ctx, cookies, params.code);
		await disableWebhook(ctx, room);
		return { webhookDisabled: true };
	}
};
