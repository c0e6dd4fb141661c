import { RoomEvent, Track, type LocalTrack, type Participant, type Room, type TrackPublication } from 'livekit-client';
import { untrack } from 'svelte';
import { m } from '#lib/paraglide/messages';
import { api } from './api';
import { joinSettled } from './join-settled';

export type { Presenter, ScreenShareEvent } from '../screen-share/events';
import type { Presenter, ScreenShareEvent } from '../screen-share/events';
import { SCREEN_SHARE_TOPIC as TOPIC } from '../screen-share/events';
import { onServerData } from './server-data';


/** How long to wait for LiveKit to grant screen_share after the server gave us the lock. */
const PERMISSION_WAIT_MS = 5_000;
const SCREEN_SHARE_PROTO = Track.sourceToProto(Track.Source.ScreenShare);

/** Events after which the shown screen track may have changed. */
const TRACK_EVENTS = [
	RoomEvent.TrackSubscribed,
	RoomEvent.TrackUnsubscribed,
	RoomEvent.TrackPublished,
	RoomEvent.TrackUnpublished,
	RoomEvent.LocalTrackPublished,
	RoomEvent.ParticipantDisconnected
] as const;

/** What this participant reads about a change of presenter. */
export function noticeFor(event: ScreenShareEvent, localIdentity: string): string | null {
	const you = (p: Presenter | null) => p?.identity === localIdentity;
	const { holder, previous } = event;
	const name = (p: Presenter | null) => p?.name ?? '';
	switch (event.type) {
		case 'started':
			return you(holder) ? m.call_share_you_present() : m.call_share_presenting({ name: name(holder) });
		case 'takeover':
			if (you(holder)) return m.call_share_you_took_over({ name: name(previous) });
			if (you(previous)) return m.call_share_taken_from_you({ name: name(holder) });
			return m.call_share_took_over({ holder: name(holder), previous: name(previous) });
		case 'stopped':
			if (event.reason === 'host') return you(previous) ? m.call_share_you_stopped_by_host() : m.call_share_host_stopped({ name: name(previous) });
			if (you(previous)) return null;
			return previous?.name != null ? m.call_share_stopped({ name: previous.name }) : m.call_share_presenter_stopped();
	}
}

/**
 * The room's screen share as this participant sees it: who presents (from the server's
 * lock, in fence order), the screen track to show on the stage, and start/stop for the
 * local participant. `listen()` subscribes and returns the cleanup.
 */
export class ScreenShareState {
	#holder = $state.raw<Presenter | null>(null);
	#notice = $state<string | null>(null);
	#isSharing = $state(false);
	#busy = $state(false);
	#track = $state.raw<Track | undefined>(undefined);
	#presenterName = $state<string | null>(null);
	#fence = 0;
	#stopping = false;
	/** The screen this browser presents, kept to publish it again if a full reconnect could not. */
	#presented: LocalTrack[] = [];

	/** `identity` defaults to the room's local participant (known once connected). */
	constructor(
		readonly code: string,
		private readonly room: Room,
		private readonly identity?: string
	) {}

	/**
	 * Follows the server's broadcasts and the room's screen tracks, and (re)loads the current
	 * presenter on every (re)connection, when broadcasts may have been missed; returns the cleanup.
	 */
	listen(): () => void {
		const room = this.room;
		const reload = () => void this.#load();
		const reconnected = () => void this.#load().then(() => this.#republishIfLost());
		const loadOnceSettled = () => void joinSettled(room).then(() => this.#load());
		for (const event of TRACK_EVENTS) room.on(event, this.#refresh);
		// Only the server speaks on this topic (a board editor may publish data: its cursors).
		const stopData = onServerData(room, TOPIC, (event) => this.#apply(event as ScreenShareEvent));
		room
			.on(RoomEvent.LocalTrackUnpublished, this.#onLocalUnpublished)
			.on(RoomEvent.Connected, loadOnceSettled)
			.on(RoomEvent.Reconnected, reconnected);
		// Called from an $effect: reading our own state here must not make it a dependency.
		untrack(() => {
			this.#refresh();
			if (room.state === 'connected') reload();
		});
		return () => {
			for (const event of TRACK_EVENTS) room.off(event, this.#refresh);
			stopData();
			room
				.off(RoomEvent.LocalTrackUnpublished, this.#onLocalUnpublished)
				.off(RoomEvent.Connected, loadOnceSettled)
				.off(RoomEvent.Reconnected, reconnected);
		};
	}

	get localIdentity(): string {
		return this.identity ?? this.room.localParticipant.identity;
	}

	/** Who holds the lock (presents), as the server last told us. */
	get holder() {
		return this.#holder;
	}
	get notice() {
		return this.#notice;
	}
	/** This participant is publishing its screen right now. */
	get isSharing() {
		return this.#isSharing;
	}
	get busy() {
		return this.#busy;
	}
	/** The screen to show on the main stage (local or remote), if any. */
	get track() {
		return this.#track;
	}
	/** The name shown under the stage. */
	get presenterName() {
		return this.#presenterName;
	}

	/**
	 * Asks the browser for a screen first (inside the click, and so a cancelled picker never
	 * stops someone else's share), then takes the lock (taking over from whoever presents),
	 * waits for LiveKit to grant screen_share, and publishes.
	 */
	async start(): Promise<void> {
		if (this.#busy) return;
		this.#busy = true;
		let tracks: LocalTrack[] = [];
		try {
			tracks = await this.room.localParticipant.createScreenTracks({ audio: false });
		} catch (err) {
			this.#notice = m.call_share_failed({ reason: (err as Error).message });
			this.#busy = false;
			return;
		}
		try {
			const { event } = await api.screenShare.set(this.code, 'start');
			if (event) this.#apply(event);
			await this.#permissionGranted();
			// Someone took over meanwhile: their share wins.
			if (this.#holder?.identity !== this.localIdentity) throw new Error(this.#holder?.name != null ? m.call_share_presenting_now({ name: this.#holder.name }) : m.call_share_someone_presenting_now());
			for (const track of tracks) await this.room.localParticipant.publishTrack(track);
			this.#presented = tracks;
		} catch (err) {
			for (const track of tracks) track.stop();
			await this.#release();
			this.#notice = m.call_share_failed({ reason: (err as Error).message });
		} finally {
			this.#busy = false;
			this.#refresh();
		}
	}

	/** Stops the local share and releases the lock. */
	async stop(): Promise<void> {
		this.#stopping = true;
		try {
			await this.room.localParticipant.setScreenShareEnabled(false);
			this.#presented = [];
			await this.#release();
		} finally {
			this.#stopping = false;
			this.#refresh();
		}
	}

	/** Host only: stops whoever presents (the server answers 403 to anyone else). */
	async stopPresenter(): Promise<void> {
		try {
			const { event } = await api.screenShare.release(this.code);
			if (event) this.#apply(event);
		} catch (err) {
			this.#notice = (err as Error).message;
		}
	}

	async #load() {
		try {
			const { holder, fence } = await api.screenShare.current(this.code);
			if (fence <= this.#fence) return; // nothing missed
			this.#fence = fence;
			this.#holder = holder;
			this.#notice = holder ? noticeFor({ type: 'started', holder, previous: null, fence }, this.localIdentity) : null;
			this.#refresh();
		} catch {
			// The next broadcast tells us.
		}
	}

	/**
	 * After a full reconnect (the media node died) livekit-client republishes every track, but a
	 * publish it could not make (the new node's permission not there yet) is only logged: the
	 * screen stays captured and unseen while we still hold the lock. Publish it again; if the
	 * lock went to someone else meanwhile, stop the capture.
	 */
	async #republishIfLost() {
		const local = this.room.localParticipant;
		const live = this.#presented.filter((t) => t.mediaStreamTrack.readyState === 'live');
		if (!live.length || local.isScreenShareEnabled || this.#busy) return;
		if (this.#holder?.identity !== this.localIdentity) {
			for (const track of live) track.stop();
			this.#presented = [];
			return;
		}
		try {
			await this.#permissionGranted();
			for (const track of live) await local.publishTrack(track);
		} catch (err) {
			this.#notice = m.call_share_failed({ reason: (err as Error).message });
		} finally {
			this.#refresh();
		}
	}

	async #release() {
		try {
			const { event } = await api.screenShare.set(this.code, 'stop');
			if (event) this.#apply(event);
		} catch {
			// The server also releases the lock when LiveKit reports the share gone.
		}
	}

	/** Resolves once LiveKit lets us publish the screen (or after a short wait). */
	#permissionGranted(): Promise<void> {
		const local = this.room.localParticipant;
		const granted = () => Boolean(local.permissions?.canPublishSources.includes(SCREEN_SHARE_PROTO));
		if (granted()) return Promise.resolve();
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				this.room.off(RoomEvent.ParticipantPermissionsChanged, check);
				resolve();
			};
			const check = () => granted() && done();
			const timer = setTimeout(done, PERMISSION_WAIT_MS);
			this.room.on(RoomEvent.ParticipantPermissionsChanged, check);
		});
	}

	#apply(event: ScreenShareEvent) {
		if (event.fence <= this.#fence) return; // an older change, delivered late
		this.#fence = event.fence;
		this.#holder = event.holder;
		this.#notice = noticeFor(event, this.localIdentity);
		const lostIt = event.previous?.identity === this.localIdentity && event.holder?.identity !== this.localIdentity;
		// LiveKit has already unpublished it (the permission was revoked); this stops the capture too.
		if (lostIt) {
			this.#presented = [];
			void this.room.localParticipant.setScreenShareEnabled(false).finally(this.#refresh);
		}
		this.#refresh();
	}

	/**
	 * The browser's own "Stop sharing" button ends the track: release the lock too. After a
	 * full reconnect (the media node died) livekit-client unpublishes and republishes every
	 * track, the screen's still live: that is no stop.
	 */
	#onLocalUnpublished = (publication?: TrackPublication) => {
		const stillHolder = this.#holder?.identity === this.localIdentity;
		const republishing = publication?.track?.mediaStreamTrack?.readyState === 'live';
		if (stillHolder && !republishing && !this.#stopping && !this.#busy && !this.room.localParticipant.isScreenShareEnabled) void this.#release();
		this.#refresh();
	};

	#refresh = () => {
		const local = this.room.localParticipant;
		this.#isSharing = local.isScreenShareEnabled;
		const people: Participant[] = [local, ...this.room.remoteParticipants.values()];
		const screenOf = (p: Participant | undefined) => p?.getTrackPublication(Track.Source.ScreenShare)?.track;
		const holder = people.find((p) => p.identity === this.#holder?.identity);
		// Prefer the lock holder's screen; during a handover show whoever still has one.
		const presenter = screenOf(holder) ? holder : people.find((p) => screenOf(p));
		this.#track = screenOf(presenter);
		this.#presenterName = presenter ? (presenter.isLocal ? m.panel_you() : presenter.name || m.call_guest()) : null;
	};
}
