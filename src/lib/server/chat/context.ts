import { appContext, type AppContext } from '../context';
import { env } from '../env';
import { createChatRateLimiter, createRateLimitPool, type ChatRateLimiter } from './chat-rate-limit';

/** What chat needs beyond the app context: the limiter shared by every app process. */
export interface ChatContext extends AppContext {
	chatLimiter: ChatRateLimiter;
}

let limiter: ChatRateLimiter | undefined;

/** The chat context for this process; the limiter's state lives in PostgreSQL, not here. */
export function chatContext(): ChatContext {
	limiter ??= createChatRateLimiter(createRateLimitPool(env().DATABASE_URL));
	return { ...appContext(), chatLimiter: limiter };
}
