import type { HandMoment } from '../records/meeting-record';

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

const HOW_LOWERED: Record<NonNullable<HandMoment['loweredBy']>, string> = {
	self: 'lowered it',
	moderator: 'lowered by a host',
	spoke: 'lowered after speaking',
	left: 'left the meeting'
};

/**
 * One line of the record's raised hands: when (from the meeting's start), who, how long the hand
 * was up and how it came down — "0:42 Ana raised a hand: lowered after speaking, up 0:12". Pure.
 */
export function handMomentLabel(hand: HandMoment, meetingStartedAt: string): string {
	const raised = Date.parse(hand.raisedAt);
	const from = clock(Math.max(0, (raised - Date.parse(meetingStartedAt)) / 1000));
	const line = `${from} ${hand.name} raised a hand`;
	if (!hand.loweredAt || !hand.loweredBy) return `${line}: up until the meeting ended`;
	return `${line}: ${HOW_LOWERED[hand.loweredBy]}, up ${clock(Math.max(0, (Date.parse(hand.loweredAt) - raised) / 1000))}`;
}
