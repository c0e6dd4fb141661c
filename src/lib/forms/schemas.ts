import { z } from 'zod';
import { parseRoomCode } from '../room-code';

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
	displayName: z.string().trim().min(1, 'Enter your name').max(64, 'Keep your name under 64 characters'),
	password: z.string().max(256).optional().default('')
});
