/** The name our RNNoise processor goes by on a LiveKit track (its `name`). */
export const NOISE_SUPPRESSOR_NAME = 'stoom-rnnoise';

/** RNNoise works on 10 ms frames of 480 samples: 48 kHz only. */
export const RNNOISE_SAMPLE_RATE = 48_000;

/** Where this browser remembers the choice. */
export const NOISE_SUPPRESSION_KEY = 'stoom.noiseSuppression';

/** The remembered choice: on unless this browser turned it off. */
export function parseChoice(stored: string | null | undefined): boolean {
	return stored !== 'off';
}

export function storedChoice(on: boolean): string {
	return on ? 'on' : 'off';
}

/** What to do with a microphone's processor so it matches the choice. */
export function processorStep(wanted: boolean, current: string | undefined): 'add' | 'remove' | 'keep' {
	const ours = current === NOISE_SUPPRESSOR_NAME;
	if (wanted) return ours ? 'keep' : 'add';
	return ours ? 'remove' : 'keep';
}

/** The room's audio context runs RNNoise unless its rate is not 48 kHz: then one of its own at 48 kHz. */
export function needsOwnContext(sampleRate: number): boolean {
	return sampleRate !== RNNOISE_SAMPLE_RATE;
}
