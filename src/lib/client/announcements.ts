import type { ChatMessage } from '#lib/chat/message';
import type { HandQueue } from '#lib/hands/queue';
import { m } from '#lib/paraglide/messages';

/**
 * What a screen reader hears, through the meeting's polite live region, when the meeting changes
 * under the person: a hand goes up, a message comes in, the recording starts or stops. Pure: each
 * takes the state before and after and returns the sentences to say (none for the person's own
 * doing, nor for the state found on arrival).
 */

/** "Ada raised a hand" for each hand newly up; nothing before the queue is first loaded (`before` null). */
export function raisedHandNotices(before: HandQueue | null, after: HandQueue, self: string): string[] {
	if (before === null || after.version <= before.version) return [];
	const up = new Set(before.hands.map((hand) => hand.identity));
	return after.hands.filter((hand) => !up.has(hand.identity) && hand.identity !== self).map((hand) => m.panel_hand_raised_notice({ name: hand.name }));
}

/** A message from someone else, as it is read out. */
export function chatNotice(message: ChatMessage, self: string): string | null {
	return message.senderIdentity === self ? null : m.panel_chat_notice({ name: message.senderName, text: message.text });
}

/** The recording's change, once its first state is known. */
export function recordingNotice(before: boolean | undefined, after: boolean): string | null {
	if (before === undefined || before === after) return null;
	return after ? m.panel_recording_started_notice() : m.panel_recording_stopped_notice();
}
