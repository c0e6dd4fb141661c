/**
 * Debounces LiveKit's ActiveSpeakersChanged into one stable "active speaker", so emphasis and
 * ordering don't flicker on every cough or overlap. Pure reducer: the caller keeps the state.
 *
 * Rules (`loudest` = `speakers[0]`, or null when the list is empty, i.e. silence):
 * 1. `candidate` is whoever has been loudest (null = nobody) without interruption since
 *    `candidateSince`; a different loudest (or silence) restarts that clock at `now`.
 * 2. With no current speaker, the loudest becomes current at once.
 * 3. Someone else replaces the current speaker once they have been loudest for `holdMs`.
 * 4. After `2 × holdMs` of silence the current speaker is cleared.
 * 5. Otherwise the current speaker stays: the current speaker being loudest again, or others
 *    trading places faster than `holdMs`, changes nothing.
 * Events only arrive on changes, so call again at `speakerDeadline()` with the last list.
 */

export interface SpeakerState {
	current: string | null;
	candidate: string | null;
	candidateSince: number;
}

export interface SpeakerEvent {
	/** Active speakers, loudest first, as ActiveSpeakersChanged reports them. */
	speakers: readonly string[];
	/** Milliseconds, any monotonic clock (e.g. `performance.now()` or `Date.now()`). */
	now: number;
}

export const DEFAULT_HOLD_MS = 1200;

export const initialSpeakerState: SpeakerState = { current: null, candidate: null, candidateSince: 0 };

/** The next debounced state after `event`; returns `state` itself when nothing changed. */
export function nextActiveSpeaker(state: SpeakerState, event: SpeakerEvent, holdMs = DEFAULT_HOLD_MS): SpeakerState {
	const loudest = event.speakers[0] ?? null;
	const restart = loudest !== state.candidate;
	const candidate = loudest;
	const candidateSince = restart ? event.now : state.candidateSince;
	const held = event.now - candidateSince;

	let current = state.current;
	if (candidate !== null && current === null) current = candidate;
	else if (candidate !== null && candidate !== current && held >= holdMs) current = candidate;
	else if (candidate === null && current !== null && held >= 2 * holdMs) current = null;

	if (!restart && current === state.current) return state;
	return { current, candidate, candidateSince };
}

/**
 * When re-running the reducer with the same speakers could change `current`, or null when it
 * cannot. Lets the caller set one timer instead of polling.
 */
export function speakerDeadline(state: SpeakerState, holdMs = DEFAULT_HOLD_MS): number | null {
	if (state.candidate === state.current) return null;
	if (state.candidate === null) return state.candidateSince + 2 * holdMs;
	return state.candidateSince + holdMs;
}
