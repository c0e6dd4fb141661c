import { z } from 'zod';
import { parseRoomCode } from '../room-code';
import { isSpokenLanguageSetting } from '../transcript/languages';
import { cleanDisplayName } from './display-name';

/** Home page: a code, a link or ten letters; normalized to `abc-defg-hij`. */
export const joinCodeSchema = z.object({
	code: z
		.string()
		.trim()
		.min(1, 'Enter a meeting code')
		.max(200, 'That is too long for a meeting code')
		.refine((value) => parseRoomCode(value) !== null, 'Meeting codes look like abc-defg-hij')
});

/** Pre-join screen. */
export const joinRoomSchema = z.object({
	displayName: z
		.string()
		.trim()
		.max(64, 'Keep your name under 64 characters')
		// Cleaned again where it is stored; here so an invisible-only name is refused with the reason.
		.refine((name) => cleanDisplayName(name).length > 0, 'Enter your name'),
	password: z.string().max(256).optional().default('')
});

/** Host settings page. An empty password keeps the current one unless `clearPassword`. */
export const roomSettingsSchema = z.object({
	password: z.string().max(128, 'Keep the password under 128 characters').default(''),
	clearPassword: z.boolean().default(false),
	muteOnJoin: z.boolean().default(false),
	cameraOffOnJoin: z.boolean().default(false),
	locked: z.boolean().default(false),
	/** Everyone but hosts knocks and waits in the lobby. */
	askToJoin: z.boolean().default(false),
	/** People in the call may send reactions. */
	reactions: z.boolean().default(true),
	/** '' the server's default, 'auto' detected, or a Whisper language code. */
	spokenLanguage: z
		.string()
		.default('')
		.refine((v) => v === '' || isSpokenLanguageSetting(v), 'Choose a language from the list'),
	maxParticipants: z.number().int().min(2, 'At least 2').max(100, 'At most 100').default(100)
});
