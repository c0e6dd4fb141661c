import { describe, expect, it } from 'vitest';
import { initialSpeakerState, nextActiveSpeaker, speakerDeadline, type SpeakerState } from './active-speaker';

/** [now, speakers (loudest first), expected current after the event] with holdMs = 1200. */
type Step = [number, string[], string | null];

const sequences: [string, Step[]][] = [
	['first speaker is taken at once', [[0, ['a'], 'a']]],
	['silence from the start keeps nobody', [[0, [], null], [5000, [], null]]],
	['a new loudest waits the hold', [[0, ['a'], 'a'], [100, ['b', 'a'], 'a'], [1299, ['b'], 'a'], [1300, ['b'], 'b']]],
	['the hold counts from when they became loudest, not from the first event', [[0, ['a'], 'a'], [500, ['b'], 'a'], [1000, ['b', 'c'], 'a'], [1700, ['b'], 'b']]],
	['a blip resets the hold', [[0, ['a'], 'a'], [100, ['b'], 'a'], [1000, ['a'], 'a'], [1200, ['b'], 'a'], [2300, ['b'], 'a'], [2400, ['b'], 'b']]],
	['others trading places faster than the hold change nothing', [[0, ['a'], 'a'], [200, ['b'], 'a'], [1000, ['c'], 'a'], [1800, ['b'], 'a'], [2600, ['c'], 'a']]],
	['current stays through a short silence', [[0, ['a'], 'a'], [1000, [], 'a'], [3000, ['a'], 'a'], [5399, [], 'a']]],
	['current clears after 2 × hold of silence', [[0, ['a'], 'a'], [1000, [], 'a'], [3399, [], 'a'], [3400, [], null]]],
	['after clearing the next speaker is immediate', [[0, ['a'], 'a'], [100, [], 'a'], [2500, [], null], [2600, ['b'], 'b']]],
	['silence then someone else: the hold starts when they speak', [[0, ['a'], 'a'], [100, [], 'a'], [2000, ['b'], 'a'], [3199, ['b'], 'a'], [3200, ['b'], 'b']]],
	['quieter current speaker is replaced by the loudest', [[0, ['a'], 'a'], [10, ['b', 'a'], 'a'], [1210, ['b', 'a'], 'b']]]
];

describe('nextActiveSpeaker over time', () => {
	it.each(sequences)('%s', (_, steps) => {
		let state: SpeakerState = initialSpeakerState;
		for (const [now, speakers, current] of steps) {
			state = nextActiveSpeaker(state, { speakers, now });
			expect({ now, current: state.current }).toEqual({ now, current });
		}
	});

	it.each([
		[600, 600, 'b'],
		[600, 599, 'a'],
		[3000, 3000, 'b']
	])('holdMs = %i: a challenger loudest for %i ms → %s', (holdMs, after, expected) => {
		let state = nextActiveSpeaker(initialSpeakerState, { speakers: ['a'], now: 0 }, holdMs);
		state = nextActiveSpeaker(state, { speakers: ['b'], now: 10 }, holdMs);
		state = nextActiveSpeaker(state, { speakers: ['b'], now: 10 + after }, holdMs);
		expect(state.current).toBe(expected);
	});

	it('returns the same object when nothing changed, so $state.raw does not re-render', () => {
		const state = nextActiveSpeaker(initialSpeakerState, { speakers: ['a'], now: 0 });
		expect(nextActiveSpeaker(state, { speakers: ['a', 'b'], now: 50 })).toBe(state);
	});
});

describe('speakerDeadline', () => {
	it.each([
		['nobody, silent', { current: null, candidate: null, candidateSince: 0 }, null],
		['current is loudest', { current: 'a', candidate: 'a', candidateSince: 0 }, null],
		['challenger since 500', { current: 'a', candidate: 'b', candidateSince: 500 }, 1700],
		['silent since 500', { current: 'a', candidate: null, candidateSince: 500 }, 2900]
	] as const)('%s → %s', (_, state, deadline) => {
		expect(speakerDeadline(state)).toBe(deadline);
	});

	it('re-running at the deadline applies the switch', () => {
		let state = nextActiveSpeaker(initialSpeakerState, { speakers: ['a'], now: 0 });
		state = nextActiveSpeaker(state, { speakers: ['b'], now: 300 });
		const at = speakerDeadline(state) ?? -1;
		expect(nextActiveSpeaker(state, { speakers: ['b'], now: at }).current).toBe('b');
	});
});
