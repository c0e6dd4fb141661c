import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { CHAT_MAX_LENGTH } from '#lib/chat/message';
import { isRoomCode } from '#lib/room-code';
import { joinPassParticipant } from '#lib/server/auth/room-cookies';
import { chatHistory, sendMessage } from '#lib/server/chat/chat.service';
import { chatContext } from '#lib/server/chat/context';
import { appContext } from '#lib/server/context';
import { procedure } from '#lib/server/http/procedure';

const FAILURES = {
	not_joined: [403, 'Join the meeting to chat'],
	empty: [400, 'Type a message first'],
	too_long: [400, `That message is too long: keep it to ${CHAT_MAX_LENGTH} characters`],
	rate_limited: [429, 'You are sending messages too fast. Wait a moment and try again.']
} as const;

/** Sends a chat message as the participant this browser joined as; answers the stored message. */
export const POST = procedure(
	z.object({ text: z.string().max(10_000), clientId: z.string().min(8).max(100) }),
	async ({ input, event }) => {
		const code = event.params.code ?? '';
		if (!isRoomCode(code)) error(404, 'No meeting with this code');
		const result = await sendMessage(chatContext(), { code, participantId: joinPassParticipant(event.cookies, code), ...input });
		if (!result.ok) {
			if (result.reason === 'rate_limited') event.setHeaders({ 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) });
			const [status, message] = FAILURES[result.reason];
			error(status, message);
		}
		return result.message;
	}
);

/** The chat of the meeting session this browser is in, in order. */
export const GET = procedure(z.object({}), async ({ event }) => {
	const code = event.params.code ?? '';
	if (!isRoomCode(code)) error(404, 'No meeting with this code');
	const messages = await chatHistory(appContext(), { code, participantId: joinPassParticipant(event.cookies, code) });
	if (!messages) error(403, 'Join the meeting to read its chat');
	return { messages };
});
