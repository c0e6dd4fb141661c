import { createLocalAudioTrack, createLocalVideoTrack, Room, type LocalAudioTrack, type LocalVideoTrack } from 'livekit-client';

/**
 * The pre-join preview: local camera and microphone the user can switch on and off and
 * choose devices for, before anything is published.
 */
export class MediaPreview {
	videoTrack = $state.raw<LocalVideoTrack | undefined>(undefined);
	audioTrack = $state.raw<LocalAudioTrack | undefined>(undefined);
	cameraOn = $state(true);
	micOn = $state(true);
	videoDevices = $state.raw<MediaDeviceInfo[]>([]);
	audioDevices = $state.raw<MediaDeviceInfo[]>([]);
	videoDeviceId = $state<string | undefined>(undefined);
	audioDeviceId = $state<string | undefined>(undefined);
	error = $state<string | null>(null);

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
			this.videoDevices = await Room.getLocalDevices('videoinput', false);
			this.audioDevices = await Room.getLocalDevices('audioinput', false);
		} catch {
			// Without permission the lists stay empty; the default devices still work.
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
		this.videoTrack?.stop();
		this.videoTrack = undefined;
		if (!this.cameraOn) return;
		try {
			this.videoTrack = await createLocalVideoTrack({ deviceId: this.videoDeviceId });
			this.error = null;
		} catch (err) {
			this.cameraOn = false;
			this.error = `Camera unavailable: ${(err as Error).message}`;
		}
	}

	async #applyMic() {
		this.audioTrack?.stop();
		this.audioTrack = undefined;
		if (!this.micOn) return;
		try {
			this.audioTrack = await createLocalAudioTrack({ deviceId: this.audioDeviceId });
		} catch (err) {
			this.micOn = false;
			this.error = `Microphone unavailable: ${(err as Error).message}`;
		}
	}

	/** Releases the devices; the meeting acquires its own tracks with the same choices. */
	stop(): void {
		this.videoTrack?.stop();
		this.audioTrack?.stop();
		this.videoTrack = undefined;
		this.audioTrack = undefined;
	}
}
