import {
	ConnectionError,
	ConnectionErrorReason,
	DisconnectReason,
	LocalAudioTrack,
	LocalVideoTrack,
	Room,
	RoomEvent,
	Track,
	type RoomConnectOptions
} from 'livekit-client';
import { ActiveSpeaker } from './active-speaker.svelte';
import { NoiseSuppression } from './noise-suppression.svelte';
import { BackgroundEffects } from './background-effects.svelte';
import { firstRemoteVideo, PUBLISH_WAIT_CAP_MS } from './first-remote-video';
import { joinUnderWay } from './join-settled';
import { reconnectPolicy } from './reconnect-policy';
import { onRoomEvents } from './room-events';
import { prepareRoom, tuneRoom } from './room-tuning';
import { audioConstraints, videoConstraints } from './capture-constraints';
import { api, ApiError, type RoomToken } from './api';
import { isPerson, toParticipantView, type ParticipantView } from './participant-view';
import { roleFromMetadata, type ParticipantRole } from '#lib/access/roles';
import { m } from '#lib/paraglide/messages';

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'retrying' | 'disconnected' | 'left';

export interface MediaChoices {
	micOn: boolean;
	cameraOn: boolean;
	audioDeviceId?: string;
	videoDeviceId?: string;
	/** The pre-join preview's open tracks: published as they are instead of opening the devices again. */
	audioTrack?: MediaStreamTrack;
	videoTrack?: MediaStreamTrack;
}

const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 10000];

/** Events after which the participant snapshots must be rebuilt. */
const PARTICIPANT_EVENTS = [
	RoomEvent.ParticipantConnected,
	RoomEvent.ParticipantDisconnected,
	RoomEvent.TrackSubscribed,
	RoomEvent.TrackUnsubscribed,
	RoomEvent.TrackMuted,
	RoomEvent.TrackUnmuted,
	RoomEvent.LocalTrackPublished,
	RoomEvent.LocalTrackUnpublished,
	RoomEvent.ActiveSpeakersChanged,
	RoomEvent.ConnectionQualityChanged,
	RoomEvent.ParticipantMetadataChanged,
	RoomEvent.ParticipantNameChanged
] as const;

function disconnectMessage(reason: DisconnectReason | undefined): string {
	switch (reason) {
		case DisconnectReason.DUPLICATE_IDENTITY:
			return m.call_disconnected_duplicate();
		case DisconnectReason.PARTICIPANT_REMOVED:
			return m.call_disconnected_removed();
		case DisconnectReason.ROOM_DELETED:
			return m.call_disconnected_ended();
		default:
			return m.call_disconnected_other();
	}
}

/**
 * One meeting connection: owns the LiveKit Room, asks the server for tokens, retries while
 * LiveKit is unreachable, and exposes read-only state for the components.
 */
export class MeetingConnection {
	#status = $state<ConnectionStatus>('idle');
	#signalConnected = $state(false);
	#notice = $state<string | null>(null);
	#participants = $state.raw<ParticipantView[]>([]);
	#micOn = $state(false);
	#cameraOn = $state(false);
	/**
	 * What the person wants while the join has not published yet: the dock shows it and its
	 * toggles change it, and the publish honours it (a mute clicked before the microphone is out
	 * is not lost). Null once published.
	 */
	#wanted = $state<{ micOn: boolean; cameraOn: boolean } | null>(null);
	#audioBlocked = $state(false);
	#notices = $state.raw<{ id: number; text: string }[]>([]);
	#sessionId = $state<string | null>(null);
	#role = $state<ParticipantRole | null>(null);
	#noticeId = 0;
	#room: Room;
	/** The debounced active speaker, for emphasis and keeping them in view. */
	readonly speaker: ActiveSpeaker;
	/** RNNoise on the published microphone, as chosen in the microphone menu (and the pre-join). */
	readonly noiseSuppression = new NoiseSuppression();
	/** The camera's background (blur or a picture), as chosen in the effects menu (and the pre-join). */
	readonly backgroundEffects = new BackgroundEffects();
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#attempt = 0;
	/** The token the join step answered with, used for the first connect instead of asking again. */
	#firstToken: RoomToken | undefined;
	#choices: MediaChoices | undefined;
	/** Every observer and tuning this connection started: each returned its cleanup. */
	#stops: (() => void)[] = [];
	/** What the pre-join built ahead (see prepare): the peer connection, and how to release it unused. */
	#prepared: ReturnType<typeof prepareRoom> | undefined;

	constructor(
		readonly code: string,
		private readonly connectOptions: RoomConnectOptions = {}
	) {
		const room = (this.#room = new Room({ adaptiveStream: true, dynacast: true, reconnectPolicy }));
		this.speaker = new ActiveSpeaker(room);
		this.#stops.push(
			() => this.speaker.destroy(),
			tuneRoom(room),
			onRoomEvents(room, PARTICIPANT_EVENTS, this.#refresh),
			onRoomEvents(room, [RoomEvent.ParticipantConnected], (p) => isPerson(p) && this.notify(m.call_joined({ name: p.name || m.call_someone() }))),
			onRoomEvents(room, [RoomEvent.ParticipantDisconnected], (p) => isPerson(p) && this.notify(m.call_left({ name: p.name || m.call_someone() }))),
			onRoomEvents(room, [RoomEvent.SignalConnected], () => (this.#signalConnected = true)),
			onRoomEvents(room, [RoomEvent.Reconnecting], () => (this.#status = 'reconnecting')),
			onRoomEvents(room, [RoomEvent.Reconnected], () => {
				this.#status = 'connected';
				this.#refresh();
			}),
			onRoomEvents(room, [RoomEvent.Disconnected], (reason) => {
				if (this.#status === 'left') return;
				this.#status = 'disconnected';
				this.#notice = disconnectMessage(reason);
				this.#participants = [];
			}),
			onRoomEvents(room, [RoomEvent.AudioPlaybackStatusChanged], () => (this.#audioBlocked = !room.canPlaybackAudio))
		);
	}

	get status() {
		return this.#status;
	}
	/**
	 * Whether the stage should show yet: once LiveKit's server answered (or the attempt ended).
	 * Rendering the stage while the media connection is set up keeps it off the join's path.
	 */
	get stageReady() {
		return this.#status !== 'connecting' || this.#signalConnected;
	}
	get notice() {
		return this.#notice;
	}
	get participants() {
		return this.#participants;
	}
	get micOn() {
		return this.#wanted?.micOn ?? this.#micOn;
	}
	get cameraOn() {
		return this.#wanted?.cameraOn ?? this.#cameraOn;
	}
	get audioBlocked() {
		return this.#audioBlocked;
	}
	/** This browser's role as the server put it in its LiveKit metadata (null before the connection). */
	get role() {
		return this.#role;
	}
	/** The meeting session this connection belongs to (for its record). */
	get sessionId() {
		return this.#sessionId;
	}
	/** Short-lived notices (joins, leaves, presenting), newest last. */
	get notices() {
		return this.#notices;
	}

	/** Shows a notice for a few seconds. */
	notify(text: string): void {
		const id = ++this.#noticeId;
		this.#notices = [...this.#notices.slice(-3), { id, text }];
		setTimeout(() => (this.#notices = this.#notices.filter((n) => n.id !== id)), 5000);
	}

	/** The underlying room, for tests and stats; components use the getters above. */
	get room() {
		return this.#room;
	}

	/**
	 * Warms the way to the LiveKit server while the person is still on the pre-join screen
	 * (an HTTP request to it, so the connect finds the connection and TLS ready) and builds the
	 * peer connection and the audio context the connect would build after the click.
	 */
	prepare(wsUrl: string): void {
		this.#prepared ??= prepareRoom(this.#room, wsUrl, { target: document, hasBeenActive: navigator.userActivation?.hasBeenActive ?? false });
	}

	/**
	 * Connects and publishes the chosen media. `token` is the one the join step answered
	 * with; retries (and a join without one) fetch a fresh token from the server.
	 */
	async join(choices: MediaChoices, token?: RoomToken): Promise<void> {
		if (token) this.#firstToken = token;
		this.#choices = choices;
		// A retry keeps what was toggled while the first attempt connected.
		this.#wanted ??= { micOn: choices.micOn, cameraOn: choices.cameraOn };
		clearTimeout(this.#retryTimer);
		this.#status = 'connecting';
		this.#notice = null;
		const settle = joinUnderWay(this.#room);
		try {
			// A click that comes while the pre-join is still building the connection waits for it
			// (a few ms): a connect in the middle of the build would throw it away.
			await this.#prepared?.built;
			await this.#connectWithFreshToken();
		} catch (err) {
			settle();
			this.#onConnectFailure(err, choices);
			return;
		}
		this.#attempt = 0;
		this.#status = 'connected';
		// Asked before the stage attaches the tracks (the refresh below renders it).
		const othersSeen = firstRemoteVideo(this.#room, PUBLISH_WAIT_CAP_MS);
		void othersSeen.then(settle);
		this.#refresh();
		await this.#room.startAudio().catch(() => undefined);
		await othersSeen;
		// Left (or ended) while waiting: the devices are not opened again for nobody.
		if (this.#ended()) return;
		await this.#publish(choices, this.#wanted ?? choices);
	}

	/** Left, or disconnected for good (removed, ended): status only changes again with a new join. */
	#ended(): boolean {
		return this.#status === 'left' || this.#status === 'disconnected';
	}

	async #connectWithFreshToken(): Promise<void> {
		const fresh = this.#firstToken ?? (await api.token(this.code));
		this.#firstToken = undefined;
		const { token, wsUrl, sessionId } = fresh;
		this.#sessionId = sessionId;
		await this.#room.connect(wsUrl, token, this.connectOptions);
	}

	#onConnectFailure(err: unknown, choices: MediaChoices) {
		if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
			this.#status = 'disconnected';
			this.#notice = err.message;
			stopPreviewTracks(choices);
			return;
		}
		// A token LiveKit refused (expired, forged) is simply replaced by the next attempt's fresh one.
		const refused = err instanceof ConnectionError && err.reason === ConnectionErrorReason.NotAllowed;
		const delay = refused && this.#attempt === 0 ? 0 : RETRY_DELAYS_MS[Math.min(this.#attempt, RETRY_DELAYS_MS.length - 1)];
		this.#attempt++;
		this.#status = 'retrying';
		this.#notice = refused
			? m.call_server_refused()
			: m.call_server_unreachable({ seconds: Math.round(delay / 1000) });
		this.#retryTimer = setTimeout(() => void this.join(choices), delay);
	}

	/** Publishes the preview's media as `asked` now (the pre-join's choice, or what the dock changed it to since). */
	async #publish(choices: MediaChoices, asked: { micOn: boolean; cameraOn: boolean }) {
		const local = this.#room.localParticipant;
		const { micOn, cameraOn } = asked;
		// A preview track turned off in the dock before it was published is released unpublished.
		const audioTrack = micOn ? choices.audioTrack : (choices.audioTrack?.stop(), undefined);
		const videoTrack = cameraOn ? choices.videoTrack : (choices.videoTrack?.stop(), undefined);
		if (micOn) this.noiseSuppression.preload();
		try {
			// The preview's tracks, handed to LiveKit as its own (not user-provided): it stops the
			// camera when it is switched off and reopens it with the same constraints.
			await Promise.all([
				audioTrack?.readyState === 'live'
					? local.publishTrack(new LocalAudioTrack(audioTrack, audioConstraints(choices.audioDeviceId), false), { source: Track.Source.Microphone })
					: local.setMicrophoneEnabled(micOn, choices.audioDeviceId ? { deviceId: choices.audioDeviceId } : undefined),
				videoTrack?.readyState === 'live'
					? this.#publishCamera(new LocalVideoTrack(videoTrack, videoConstraints(choices.videoDeviceId), false))
					: this.#enableCamera(cameraOn, choices.videoDeviceId)
			]);
		} catch (err) {
			// A meeting that ended (or a leave) mid-publish cancels the publication: the
			// disconnect notice says what happened, not this.
			if (this.#status === 'connected') this.notify(m.call_media_start_failed({ reason: (err as Error).message }));
		}
		// Toggled again while publishing: the dock's last word holds.
		const last = this.#wanted ?? asked;
		this.#wanted = null;
		if (this.#status === 'connected') {
			if (last.micOn !== micOn) await local.setMicrophoneEnabled(last.micOn).catch(() => undefined);
			if (last.cameraOn !== cameraOn) await this.#enableCamera(last.cameraOn).catch(() => undefined);
		}
		this.#micOn = local.isMicrophoneEnabled;
		this.#cameraOn = local.isCameraEnabled;
		this.#refresh();
		// Published first, suppressed a moment later: the join does not wait for RNNoise to load.
		void this.#suppressNoise(this.noiseSuppression.apply(this.#microphone()));
	}

	async toggleMic(): Promise<void> {
		if (this.#wanted) {
			this.#wanted.micOn = !this.#wanted.micOn;
			return;
		}
		await this.#room.localParticipant.setMicrophoneEnabled(!this.#micOn);
		this.#micOn = this.#room.localParticipant.isMicrophoneEnabled;
		this.#refresh();
		// A microphone first opened now (joined muted) gets the suppressor; one reopened keeps it.
		if (this.#micOn) await this.#suppressNoise(this.noiseSuppression.apply(this.#microphone()));
	}

	/** Turns noise suppression on or off for this browser, on the published microphone at once. */
	async setNoiseSuppression(on: boolean): Promise<void> {
		await this.#suppressNoise(this.noiseSuppression.set(on, this.#microphone()));
	}

	#microphone(): LocalAudioTrack | undefined {
		return this.#room.localParticipant.getTrackPublication(Track.Source.Microphone)?.audioTrack;
	}

	async #suppressNoise(applied: Promise<void>): Promise<void> {
		await applied.catch((err: Error) => this.notify(m.call_noise_suppression_failed({ reason: err.message })));
	}

	async toggleCamera(): Promise<void> {
		if (this.#wanted) {
			this.#wanted.cameraOn = !this.#wanted.cameraOn;
			return;
		}
		await this.#enableCamera(!this.#cameraOn);
		this.#cameraOn = this.#room.localParticipant.isCameraEnabled;
		this.#refresh();
	}

	/** The preview's camera, its background effect on before it is published: nobody sees the real background first. */
	async #publishCamera(camera: LocalVideoTrack): Promise<void> {
		await this.#withEffect(camera);
		await this.#room.localParticipant.publishTrack(camera, { source: Track.Source.Camera });
	}

	/** Switches the camera on or off; one LiveKit opens now gets the effect's processor before it is published. */
	async #enableCamera(on: boolean, deviceId?: string): Promise<void> {
		const local = this.#room.localParticipant;
		const opening = on && !local.getTrackPublication(Track.Source.Camera);
		const processor = opening ? await this.backgroundEffects.processorForNewCamera() : undefined;
		// An effect that cannot start leaves the camera on without it (#withEffect tries again and says why).
		await local.setCameraEnabled(on, deviceId || processor ? { deviceId, processor } : undefined).catch((err: unknown) => {
			if (!processor) throw err;
			return local.setCameraEnabled(on, deviceId ? { deviceId } : undefined);
		});
		// Followed from now on; one switched off and on again gets the effect chosen meanwhile.
		if (on) await this.#withEffect(local.getTrackPublication(Track.Source.Camera)?.videoTrack);
	}

	async #withEffect(camera: LocalVideoTrack | undefined): Promise<void> {
		if (!camera) return;
		// Followed for the connection's life (the effects are the connection's own): no stop kept.
		this.backgroundEffects.follow(camera);
		await this.backgroundEffects.apply(camera).catch((err: Error) => this.notify(m.call_your_effect_failed({ reason: err.message })));
	}

	/** Resumes remote audio after the browser blocked autoplay; call from a click. */
	async enableAudio(): Promise<void> {
		await this.#room.startAudio();
	}

	/** Switches the microphone or camera to another device while in the call. */
	async switchDevice(kind: 'audioinput' | 'videoinput', deviceId: string): Promise<void> {
		await this.#room.switchActiveDevice(kind, deviceId);
	}

	/** Leaves the call; preview tracks still unpublished (left while connecting) are released too. */
	async leave(): Promise<void> {
		clearTimeout(this.#retryTimer);
		if (this.#choices) stopPreviewTracks(this.#choices);
		this.#status = 'left';
		this.#wanted = null;
		for (const stop of this.#stops.splice(0)) stop();
		await this.#prepared?.release();
		await this.#room.disconnect();
		this.#participants = [];
	}

	#refresh = () => {
		const room = this.#room;
		if (room.state === 'disconnected') return;
		this.#participants = [room.localParticipant, ...room.remoteParticipants.values()].filter(isPerson).map(toParticipantView);
		if (room.localParticipant.identity) this.#role = roleFromMetadata(room.localParticipant.metadata);
		// The host may have muted us: the dock follows the real track state.
		this.#micOn = room.localParticipant.isMicrophoneEnabled;
		this.#cameraOn = room.localParticipant.isCameraEnabled;
	};
}

/** Releases preview tracks that were never published (LiveKit stops the ones it publishes). */
function stopPreviewTracks(choices: MediaChoices): void {
	choices.audioTrack?.stop();
	choices.videoTrack?.stop();
}
