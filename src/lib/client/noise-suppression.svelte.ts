import type { LocalAudioTrack } from 'livekit-client';
import { NOISE_SUPPRESSION_KEY, parseChoice, processorStep, storedChoice } from './effects/noise-suppression-rules';

/** RNNoise and its WebAssembly load only when a microphone is first suppressed. */
const loadSuppressor = () => import('./effects/noise-suppression');

function storage(): Storage | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined; // storage refused (privacy settings): the default holds
	}
}

/**
 * The microphone's noise suppression: the person's choice, remembered in this browser (on by
 * default), and RNNoise put on or taken off the published microphone to match it, in place
 * (livekit-client's setProcessor / stopProcessor: nothing is published again).
 */
export class NoiseSuppression {
	/** Set once chosen here; until then the remembered choice, read when asked (the pre-join may just have changed it). */
	#on = $state<boolean | undefined>(undefined);
	#applying: Promise<void> = Promise.resolve();

	get on(): boolean {
		return this.#on ?? parseChoice(storage()?.getItem(NOISE_SUPPRESSION_KEY));
	}

	/** Turns it on or off, remembers it, and applies it to `microphone` if there is one. */
	set(on: boolean, microphone?: LocalAudioTrack): Promise<void> {
		this.#on = on;
		try {
			storage()?.setItem(NOISE_SUPPRESSION_KEY, storedChoice(on));
		} catch {
			// Not remembered (storage full or refused); this call still follows the choice.
		}
		return this.apply(microphone);
	}

	/** Starts loading the suppressor ahead of a microphone being published, if it will be wanted. */
	preload(): void {
		if (this.on) void loadSuppressor().then((m) => m.prepareNoiseSuppressor()).catch(() => undefined);
	}

	/**
	 * Puts the suppressor on `microphone` or takes it off, as chosen; calls take effect in the
	 * order made. Rejects when it could not start (the microphone then stays on, unprocessed).
	 */
	apply(microphone: LocalAudioTrack | undefined): Promise<void> {
		const step = async () => {
			if (!microphone || microphone.isStopped) return;
			const action = processorStep(this.on, microphone.getProcessor()?.name);
			if (action === 'add') {
				const { NoiseSuppressor } = await loadSuppressor();
				await microphone.setProcessor(new NoiseSuppressor());
			} else if (action === 'remove') {
				await microphone.stopProcessor();
			}
		};
		const done = this.#applying.then(step);
		this.#applying = done.catch(() => undefined);
		return done;
	}
}
