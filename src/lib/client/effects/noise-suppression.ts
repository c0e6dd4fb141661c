import { loadRnnoise, RnnoiseWorkletNode } from '@sapphi-red/web-noise-suppressor';
import workletUrl from '@sapphi-red/web-noise-suppressor/rnnoiseWorklet.js?url';
import wasmUrl from '@sapphi-red/web-noise-suppressor/rnnoise.wasm?url';
import simdWasmUrl from '@sapphi-red/web-noise-suppressor/rnnoise_simd.wasm?url';
import type { AudioProcessorOptions, Track, TrackProcessor } from 'livekit-client';
import { NOISE_SUPPRESSOR_NAME, needsOwnContext, RNNOISE_SAMPLE_RATE } from './noise-suppression-rules';

let wasm: Promise<ArrayBuffer> | undefined;

/**
 * Fetches RNNoise's WebAssembly (the SIMD build where the browser has SIMD), once per page;
 * served by Stoom. Compiled here once too: the worklet fails silently (and sends silence) if
 * the page may not compile it, so a failure has to surface here, where it is told.
 */
export function prepareNoiseSuppressor(): Promise<ArrayBuffer> {
	wasm ??= loadRnnoise({ url: wasmUrl, simdUrl: simdWasmUrl })
		.then(async (binary) => {
			await WebAssembly.compile(binary);
			return binary;
		})
		.catch((err: unknown) => {
			wasm = undefined;
			throw err;
		});
	return wasm;
}

/** The worklet's module, added once to each audio context. */
const worklets = new WeakMap<BaseAudioContext, Promise<void>>();
function addWorklet(context: BaseAudioContext): Promise<void> {
	let added = worklets.get(context);
	if (!added) {
		added = context.audioWorklet.addModule(workletUrl);
		worklets.set(context, added);
	}
	return added;
}

interface Graph {
	source: MediaStreamAudioSourceNode;
	denoiser: RnnoiseWorkletNode;
	destination: MediaStreamAudioDestinationNode;
}

/**
 * RNNoise on the microphone, as a livekit-client audio processor: microphone → RNNoise
 * (AudioWorklet) → the track LiveKit sends. livekit-client restarts it around the new capture
 * when the microphone is reopened (unmute, device switch) and destroys it with the track.
 */
export class NoiseSuppressor implements TrackProcessor<Track.Kind.Audio, AudioProcessorOptions> {
	readonly name = NOISE_SUPPRESSOR_NAME;
	processedTrack?: MediaStreamTrack;
	#graph: Graph | undefined;
	/** A 48 kHz context of its own, made only when the room's runs at another rate. */
	#ownContext: AudioContext | undefined;

	async init(options: AudioProcessorOptions): Promise<void> {
		await this.#build(options);
	}

	async restart(options: AudioProcessorOptions): Promise<void> {
		this.#teardown();
		await this.#build(options);
	}

	async destroy(): Promise<void> {
		this.#teardown();
		await this.#ownContext?.close().catch(() => undefined);
		this.#ownContext = undefined;
	}

	async #build({ track, audioContext }: AudioProcessorOptions): Promise<void> {
		const context = needsOwnContext(audioContext.sampleRate)
			? (this.#ownContext ??= new AudioContext({ sampleRate: RNNOISE_SAMPLE_RATE, latencyHint: 'interactive' }))
			: audioContext;
		const [wasmBinary] = await Promise.all([prepareNoiseSuppressor(), addWorklet(context)]);
		const source = context.createMediaStreamSource(new MediaStream([track]));
		const denoiser = new RnnoiseWorkletNode(context, { maxChannels: 1, wasmBinary });
		// A microphone is one voice: mixed down to mono before RNNoise, sent as mono.
		denoiser.channelCount = 1;
		denoiser.channelCountMode = 'explicit';
		const destination = context.createMediaStreamDestination();
		destination.channelCount = 1;
		source.connect(denoiser).connect(destination);
		this.#graph = { source, denoiser, destination };
		this.processedTrack = destination.stream.getAudioTracks()[0];
		// A context that is not running sends silence; it resumes once the page may play sound
		// (the join click allows it), so this does not wait for it.
		if (context.state === 'suspended') void context.resume().catch(() => undefined);
	}

	#teardown(): void {
		const graph = this.#graph;
		if (!graph) return;
		this.#graph = undefined;
		graph.source.disconnect();
		graph.denoiser.disconnect();
		graph.denoiser.destroy();
		this.processedTrack?.stop();
		this.processedTrack = undefined;
	}
}
