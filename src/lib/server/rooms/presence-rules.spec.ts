import { describe, expect, it } from 'vitest';
import { applyPresence, type PresenceEvent, type PresenceState } from './presence-rules';

const at = new Date('2026-11-28T10:00:00Z');
const joined = (sid: string): PresenceEvent => ({ type: 'joined', sid, at });
const left = (sid: string): PresenceEvent => ({ type: 'left', sid, at });

/** Replays events as the webhook handler would, returning whether the participant ends up present. */
function replay(events: PresenceEvent[]): boolean {
	let state: PresenceState & { present: boolean } = { livekitSid: null, leftSid: null, present: false };
	for (const event of events) {
		const change = applyPresence(state, event);
		if (!change) continue;
		state = {
			livekitSid: change.livekit_sid ?? state.livekitSid,
			leftSid: change.left_sid ?? state.leftSid,
			present: change.left_at === null ? true : change.left_at ? false : state.present
		};
	}
	return state.present;
}

describe('applyPresence', () => {
	it.each<[string, PresenceEvent[], boolean]>([
		['join', [joined('A')], true],
		['join, leave', [joined('A'), left('A')], false],
		['leave arrives before its join', [left('A'), joined('A')], false],
		['rejoin: join A, leave A, join B', [joined('A'), left('A'), joined('B')], true],
		['rejoin, the old leave arrives last', [joined('A'), joined('B'), left('A')], true],
		['rejoin, the new join arrives before the old leave', [joined('A'), joined('B'), left('A'), left('B')], false],
		['a leave for a connection never seen', [left('A')], false],
		['duplicate join', [joined('A'), joined('A')], true],
		['duplicate leave', [joined('A'), left('A'), left('A')], false]
	])('%s → present %s', (_name, events, present) => {
		expect(replay(events)).toBe(present);
	});

	it('a late join of a connection already gone changes nothing', () => {
		expect(applyPresence({ livekitSid: 'B', leftSid: 'A' }, joined('A'))).toBeNull();
	});
});
