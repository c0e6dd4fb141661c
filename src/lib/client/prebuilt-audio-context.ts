import type { Room } from 'livekit-client';

/**
 * The parts of livekit-client's Room used here: private there (2.23), hence every use checks
 * they are there — a livekit-client that changed them simply creates its context at the connect.
 */
interface AudioContextInternals {
	acquireAudioContext?: () => Promise<void>;
	releaseAudioContext?: () => Promise<void>;
}

const internals = (room: Room) => room as unknown as AudioContextInternals;

/** Events that give the page user activation (so an AudioContext made then starts running). */
const ACTIVATING_EVENTS = ['keydown', 'pointerdown'] as const;

export interface ActivationSource {
	/** Where the person's first key or pointer press is heard (the document). */
	target: EventTarget;
	/** The person has already interacted with the page (`navigator.userActivation.hasBeenActive`). */
	hasBeenActive: boolean;
}

/**
 * livekit-client's connect creates the room's AudioContext (its `acquireAudioContext`): 9–26 ms
 * of the main thread right after the join answer, on this machine's joins
 * (bench/join-timeline.ts, CPU profile), before the signalling socket opens. Here the room
 * acquires it on the pre-join screen instead, once the person has interacted with the page (a
 * context made before any interaction starts suspended, and Chrome warns), so at the connect
 * livekit-client finds it made and running. Returns a function that stops waiting.
 */
export function acquireAudioContextAhead(room: Room, activation: ActivationSource): () => void {
	const acquire = internals(room).acquireAudioContext;
	if (typeof acquire !== 'function') return () => {};
	const now = () => {
		stop();
		if (room.state === 'disconnected') void acquire.call(room).catch(() => undefined);
	};
	const stop = () => {
		for (const type of ACTIVATING_EVENTS) activation.target.removeEventListener(type, now, { capture: true });
	};
	if (activation.hasBeenActive) {
		now();
		return () => {};
	}
	for (const type of ACTIVATING_EVENTS) activation.target.addEventListener(type, now, { capture: true });
	return stop;
}

/** Closes the context of a room that never connected (its disconnect does nothing then). */
export async function releasePrebuiltAudioContext(room: Room): Promise<void> {
	const release = internals(room).releaseAudioContext;
	if (room.state !== 'disconnected' || typeof release !== 'function') return;
	await release.call(room).catch(() => undefined);
}
