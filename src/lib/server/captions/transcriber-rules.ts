/**
 * Whether a meeting's transcriber needs dispatching, replacing or removing. Pure: the server's
 * dispatch supervisor (transcriber.service.ts) reads LiveKit's state and applies the step.
 *
 * livekit-server dispatches a job to one of the registered transcriber workers, but does not
 * dispatch again when that worker dies (its job just fails): the supervisor does, so a
 * worker's death hands the meeting to another worker.
 */

/** A dispatch younger than this whose job has not ended is still on its way in. */
export const DISPATCH_GRACE_MS = 15_000;

export interface DispatchState {
	id: string;
	ageMs: number;
	/** Jobs LiveKit started for it, and how many of them have not ended. */
	jobs: number;
	activeJobs: number;
}

export interface TranscriberState {
	captionsOn: boolean;
	/** People in the LiveKit room (not recorders, not agents). */
	people: number;
	/** Identities of transcriber participants in the room. */
	transcribers: string[];
	dispatches: DispatchState[];
}

export type TranscriberStep =
	| { kind: 'none' }
	| { kind: 'dispatch'; replacing: string[] }
	| { kind: 'remove'; dispatches: string[]; transcribers: string[] };

export function transcriberStep(state: TranscriberState): TranscriberStep {
	if (!state.captionsOn || state.people === 0) {
		if (!state.dispatches.length && !state.transcribers.length) return { kind: 'none' };
		return { kind: 'remove', dispatches: state.dispatches.map((d) => d.id), transcribers: state.transcribers };
	}
	if (state.transcribers.length) return { kind: 'none' };
	const onItsWay = state.dispatches.some((d) => d.ageMs < DISPATCH_GRACE_MS && !(d.jobs > 0 && d.activeJobs === 0));
	if (onItsWay) return { kind: 'none' };
	return { kind: 'dispatch', replacing: state.dispatches.map((d) => d.id) };
}

/** LiveKit's dispatch creation time (nanoseconds in livekit-server; any unit down to seconds is read). */
export function epochMs(value: bigint | number): number {
	const n = Number(value);
	if (n > 1e17) return n / 1e6;
	if (n > 1e14) return n / 1e3;
	if (n > 1e11) return n;
	return n * 1000;
}
