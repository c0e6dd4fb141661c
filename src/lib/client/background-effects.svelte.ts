import { untrack } from 'svelte';
import type { LocalVideoTrack, Track, TrackProcessor } from 'livekit-client';
import { m } from '#lib/paraglide/messages';
import {
	BACKGROUND_EFFECT_KEY,
	BACKGROUND_PROCESSOR_NAME,
	fitWithin,
	OWN_IMAGE_KEY,
	ownImageProblem,
	parseEffect,
	processorMode,
	processorStep,
	storedEffect,
	type BackgroundEffect,
	type BackgroundImageId
} from './effects/background-rules';

/** The processor, MediaPipe and the model load only when first wanted (see `load`). */
const loadProcessor = () => import('./effects/background-processor');
type ProcessorModule = Awaited<ReturnType<typeof loadProcessor>>;

/** Whether effects can run here: not known before the code has loaded. */
export type EffectsSupport = 'unknown' | 'loading' | 'ready' | 'unsupported' | 'failed';

function storage(): Storage | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined; // storage refused (privacy settings): nothing is remembered
	}
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The camera's background (blur or a picture): the person's choice, remembered in this
 * browser with their own picture, and LiveKit's background processor kept on the cameras
 * this follows (the pre-join's preview, the call's camera) to match it. LiveKit restarts the
 * processor itself when the camera is switched off and on or to another device.
 */
export class BackgroundEffects {
	/** Set once chosen here; until then the remembered one, read when asked (the pre-join may just have changed it). */
	#effect = $state<BackgroundEffect | undefined>(undefined);
	#ownImage = $state<string | null | undefined>(undefined);
	#support = $state<EffectsSupport>('unknown');
	#error = $state<string | null>(null);
	#imageUrls = $state.raw<Record<BackgroundImageId, string> | undefined>(undefined);
	#module: Promise<ProcessorModule | undefined> | undefined;
	#loaded = Promise.withResolvers<ProcessorModule>();
	#cameras = new Set<LocalVideoTrack>();
	#applying: Promise<void> = Promise.resolve();

	get effect(): BackgroundEffect {
		return this.#effect ?? parseEffect(storage()?.getItem(BACKGROUND_EFFECT_KEY));
	}
	/** The person's own picture (a JPEG data URL), if they chose one in this browser. */
	get ownImage(): string | null {
		return this.#ownImage !== undefined ? this.#ownImage : (storage()?.getItem(OWN_IMAGE_KEY) ?? null);
	}
	get support(): EffectsSupport {
		return this.#support;
	}
	/** What went wrong last (a picture refused, an effect that could not start), for the menu. */
	get error(): string | null {
		return this.#error;
	}
	/** The shipped pictures' URLs, once the code has loaded (the menu shows them then). */
	get imageUrls(): Record<BackgroundImageId, string> | undefined {
		return this.#imageUrls;
	}

	/** Loads the processor's code, once: when the menu first opens, or for a remembered effect. Answers it if effects run here. */
	load(): Promise<ProcessorModule | undefined> {
		this.#module ??= (async () => {
			this.#support = 'loading';
			try {
				const module = await loadProcessor();
				this.#imageUrls = module.IMAGE_URLS;
				if (!module.effectsSupported()) {
					this.#support = 'unsupported';
					return undefined;
				}
				this.#support = 'ready';
				this.#loaded.resolve(module);
				return module;
			} catch (err) {
				this.#support = 'failed';
				this.#error = m.call_effects_load_failed({ reason: message(err) });
				this.#module = undefined; // the next opening of the menu tries again
				return undefined;
			}
		})();
		return this.#module;
	}

	/** Keeps `camera` on the chosen effect from now on; answers how to stop. */
	follow(camera: LocalVideoTrack): () => void {
		this.#cameras.add(camera);
		return () => this.#cameras.delete(camera);
	}

	/** Chooses an effect, remembers it, and applies it to the cameras followed. */
	async set(effect: BackgroundEffect): Promise<void> {
		this.#effect = effect;
		this.#error = null;
		try {
			storage()?.setItem(BACKGROUND_EFFECT_KEY, storedEffect(effect));
		} catch {
			// Not remembered (storage full or refused); this page still follows the choice.
		}
		await Promise.all([...this.#cameras].map((camera) => this.apply(camera).catch(() => undefined)));
	}

	/** Keeps `file` (scaled down) in this browser as the own picture, and puts it behind the person. */
	async setOwnImage(file: File): Promise<void> {
		const problem = ownImageProblem(file);
		if (problem) {
			this.#error = problem;
			return;
		}
		let image: string;
		try {
			image = await shrink(file);
		} catch {
			this.#error = m.call_effects_picture_unreadable();
			return;
		}
		try {
			storage()?.setItem(OWN_IMAGE_KEY, image);
		} catch {
			this.#error = m.call_effects_picture_not_kept();
			return;
		}
		this.#ownImage = image;
		await this.set({ kind: 'own' });
	}

	/**
	 * Brings `camera`'s processor in line with the effect; calls take effect in the order made.
	 * Rejects when the effect could not start (the camera then goes on without it).
	 */
	apply(camera: LocalVideoTrack | undefined): Promise<void> {
		const step = async () => {
			if (!camera || camera.isStopped) return;
			const ours = camera.getProcessor()?.name === BACKGROUND_PROCESSOR_NAME;
			if (this.effect.kind === 'none' && !ours) return; // nothing to load for no effect
			const module = await this.load();
			if (!module) return;
			const mode = processorMode(this.effect, module.IMAGE_URLS, this.ownImage);
			if (mode.mode === 'disabled') {
				if (processorStep(mode, camera.getProcessor()?.name) === 'remove') await camera.stopProcessor();
			} else if (processorStep(mode, camera.getProcessor()?.name) === 'switch') {
				await module.switchProcessor(camera.getProcessor(), mode);
			} else if (!camera.isMuted) {
				// A camera switched off gets it when switched on again (the call applies it then).
				await camera.setProcessor(module.createProcessor(mode));
			}
		};
		const done = this.#applying.then(step).catch((err: unknown) => {
			this.#error = m.call_effect_start_failed({ reason: message(err) });
			throw err;
		});
		this.#applying = done.catch(() => undefined);
		return done;
	}

	/** A processor for a camera LiveKit is about to open (setCameraEnabled's `processor`): on before its first frame is sent. */
	async processorForNewCamera(): Promise<TrackProcessor<Track.Kind.Video> | undefined> {
		if (this.effect.kind === 'none') return undefined;
		const module = await this.load();
		const mode = module && processorMode(this.effect, module.IMAGE_URLS, this.ownImage);
		return module && mode && mode.mode !== 'disabled' ? module.createProcessor(mode) : undefined;
	}

	/**
	 * `{@attach effects.preview(track)}` on the pre-join's video: shows `track` at once, and with
	 * the effect once the code has loaded (now, if one is remembered; else when the menu opens).
	 */
	preview(track: MediaStreamTrack | undefined) {
		return (element: HTMLVideoElement) => {
			if (!track) return;
			element.srcObject = new MediaStream([track]);
			let stop: (() => void) | undefined;
			let ended = false;
			void this.#loaded.promise.then((module) => {
				if (ended) return;
				const camera = module.previewCamera(track);
				camera.attach(element);
				const unfollow = this.follow(camera);
				stop = () => {
					unfollow();
					camera.detach(element);
					void camera.stopProcessor().catch(() => undefined);
				};
				void this.apply(camera).catch(() => undefined);
			});
			// Read untracked: a new choice goes through `set`, it does not remake the preview.
			if (untrack(() => this.effect.kind) !== 'none') void this.load();
			return () => {
				ended = true;
				stop?.();
				element.srcObject = null;
			};
		};
	}
}

/** The picture as a JPEG data URL, its longest side at most OWN_IMAGE_MAX_SIDE. */
async function shrink(file: File): Promise<string> {
	const bitmap = await createImageBitmap(file);
	const { width, height } = fitWithin(bitmap.width, bitmap.height);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
	bitmap.close();
	return canvas.toDataURL('image/jpeg', 0.85);
}
