import { m } from '#lib/paraglide/messages';
import type { HandMoment } from '../records/meeting-record';

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

const HOW_LOWERED: Record<NonNullable<HandMoment['loweredBy']>, () => string> = {
	self: m.common_hand_lowered_self,
	moderator: m.common_hand_lowered_moderator,
	spoke: m.common_hand_lowered_spoke,
	left: m.common_hand_lowered_left
};

/**
 * One line of the record's raised hands: when (from the meeting's start), who, how long the hand
 * was up and how it came down — "0:42 Ana raised a hand: lowered after speaking, up 0:12". Pure.
 */
export function handMomentLabel(hand: HandMoment, meetingStartedAt: string): string {
	const raised = Date.parse(hand.raisedAt);
	const from = clock(Math.max(0, (raised - Date.parse(meetingStartedAt)) / 1000));
	if (!hand.loweredAt || !hand.loweredBy) return m.common_hand_up_until_end({ at: from, name: hand.name });
	const up = clock(Math.max(0, (Date.parse(hand.loweredAt) - raised) / 1000));
	return m.common_hand_lowered({ at: from, name: hand.name, how: HOW_LOWERED[hand.loweredBy](), up });
}
