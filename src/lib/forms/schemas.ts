import { z } from 'zod';
import { m } from '#lib/paraglide/messages';
import { parseRoomCode } from '../room-code';
import { isSpokenLanguageSetting } from '../transcript/languages';
import { cleanDisplayName } from './display-name';

// Messages are functions, read at parse time: a form answers in the language of its request.

/** Home page: a code, a link or ten letters; normalized to `abc-defg-hij`. */
export const joinCodeSchema = z.object({
	code: z
		.string()
		.trim()
		.min(1, { error: () => m.server_code_required() })
		.max(200, { error: () => m.server_code_too_long() })
		.refine((value) => parseRoomCode(value) !== null, { error: () => m.server_code_shape() })
});

/** Pre-join screen. */
export const joinRoomSchema = z.object({
	displayName: z
		.string()
		.trim()
		.max(64, { error: () => m.server_name_too_long() })
		// Cleaned again where it is stored; here so an invisible-only name is refused with the reason.
		.refine((name) => cleanDisplayName(name).length > 0, { error: () => m.server_name_required() }),
	password: z.string().max(256).optional().default('')
});

/** Host settings page. An empty password keeps the current one unless `clearPassword`. */
export const roomSettingsSchema = z.object({
	password: z.string().max(128, { error: () => m.server_password_too_long() }).default(''),
	clearPassword: z.boolean().default(false),
	muteOnJoin: z.boolean().default(false),
	cameraOffOnJoin: z.boolean().default(false),
	locked: z.boolean().default(false),
	/** Everyone but hosts knocks and waits in the lobby. */
	askToJoin: z.boolean().default(false),
	/** People in the call may send reactions. */
	reactions: z.boolean().default(true),
	/** Live captions in the room's meetings. */
	captions: z.boolean().default(true),
	/** '' the server's default, 'auto' detected, or a Whisper language code. */
	spokenLanguage: z
		.string()
		.default('')
		.refine((v) => v === '' || isSpokenLanguageSetting(v), { error: () => m.server_choose_language() }),
	maxParticipants: z.number().int().min(2, { error: () => m.server_at_least({ min: 2 }) }).max(100, { error: () => m.server_at_most({ max: 100 }) }).default(100)
});
