import { z } from 'zod';
import { CHAT_PAGE_SIZE } from '../../chat/message';

/** A page of chat history: the newest messages, or those before sequence `before`. */
export const chatPageQuery = z.object({
	before: z.coerce.number().int().positive().optional(),
	limit: z.coerce.number().int().min(1).max(200).default(CHAT_PAGE_SIZE)
});
