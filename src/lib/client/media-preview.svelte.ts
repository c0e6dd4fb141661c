import { m } from '#lib/paraglide/messages';
import { audioConstraints, videoConstraints } from './capture-constraints';

/**
 * The pre-join preview: local camera and microphone the user can switch on and off and
 * choose devices for, before anything is published. Plain getUserMedia, so the pre-join
 * screen needs no LiveKit code; the meeting publishes these same tracks (see `handOver`).
 */
export class MediaPreview {
	videoTrack = $state.raw<MediaStreamTrack | undefined>(undefined);
	audioTrack = $state.raw<MediaStreamTrack | undefined>(undefined);
	cameraOn = $state(true);
	micOn = $state(true);
	videoDevices = $state.raw<MediaDeviceInfo[]>([]);
	audioDevices = $state.raw<MediaDeviceInfo[]>([]);
	videoDeviceId = $state<string | undefined>(undefined);
	audioDeviceId = $state<string | undefined>(undefined);
	error = $state<string | null>(null);
	/** The meeting owns the tracks now: the preview keeps showing them and changes nothing. */
	#handedOver = false;

	constructor(defaults: { cameraOn: boolean; micOn: boolean }) {
		this.cameraOn = defaults.cameraOn;
		this.micOn = defaults.micOn;
	}

	async start(): Promise<void> {
		await Promise.all([this.#applyCamera(), this.#applyMic()]);
		await this.refreshDevices();
	}

	async refreshDevices(): Promise<void> {
		try {
			// Without permission the labels are empty and the ids blank: list only real devices.
			const devices = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.deviceId !== '');
			this.videoDevices = devices.filter((d) => d.kind === 'videoinput');
			this.audioDevices = devices.filter((d) => d.kind === 'audioinput');
		} catch {
			// The lists stay empty; the default devices still work.
		}
	}

	async setCamera(on: boolean, deviceId = this.videoDeviceId): Promise<void> {
		this.cameraOn = on;
		this.videoDeviceId = deviceId;
		await this.#applyCamera();
	}

	async setMic(on: boolean, deviceId = this.audioDeviceId): Promise<void> {
		this.micOn = on;
		this.audioDeviceId = deviceId;
		await this.#applyMic();
	}

	async #applyCamera() {
		if (this.#handedOver) return;
		this.videoTrack?.stop();
		this.videoTrack = undefined;
		if (!this.cameraOn) return;
		try {
			this.videoTrack = await this.#open('video', videoConstraints(this.videoDeviceId));
			this.error = null;
		} catch (err) {
			this.cameraOn = false;
			this.error = m.call_camera_unavailable({ reason: (err as Error).message });
		}
	}

	async #applyMic() {
		if (this.#handedOver) return;
		this.audioTrack?.stop();
		this.audioTrack = undefined;
		if (!this.micOn) return;
		try {
			this.audioTrack = await this.#open('audio', audioConstraints(this.audioDeviceId));
		} catch (err) {
			this.micOn = false;
			this.error = m.call_microphone_unavailable({ reason: (err as Error).message });
		}
	}

	async #open(kind: 'audio' | 'video', constraints: MediaTrackConstraints): Promise<MediaStreamTrack> {
		const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraints });
		return stream.getTracks()[0]!;
	}

	/** Gives the open tracks to the meeting, which publishes them; the preview still shows them until it goes. */
	handOver(): { videoTrack?: MediaStreamTrack; audioTrack?: MediaStreamTrack } {
		this.#handedOver = true;
		return { videoTrack: this.videoTrack, audioTrack: this.audioTrack };
	}

	/** Releases the devices, unless the meeting has them. */
	stop(): void {
		if (!this.#handedOver) {
			this.videoTrack?.stop();
			this.audioTrack?.stop();
		}
		this.videoTrack = undefined;
		this.audioTrack = undefined;
	}
}
