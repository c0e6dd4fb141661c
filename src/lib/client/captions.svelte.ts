import { RoomEvent, Track, type Room, type TextStreamReader } from 'livekit-client';
import { captionLines, captionSpeaker, foldCaption, nextFade, parseCaptionUpdate, TRANSCRIPTION_TOPIC, type CaptionSegment, type CaptionUpdate } from '#lib/captions/caption-lines';
import {
	CAPTION_PREFS_KEY,
	DEFAULT_CAPTION_PREFS,
	parseCaptionPrefs,
	transcriberStatus,
	type CaptionPosition,
	type CaptionPrefs,
	type CaptionSize,
	type TranscriberStatus
} from '#lib/captions/captions-prefs';
import { m } from '#lib/paraglide/messages';
import { parseRoomMetadata } from '#lib/room-metadata';
import { api, ApiError } from './api';
import { onRoomEvents } from './room-events';

/** A final caption, as the transcript panel's live section lists it. */
export interface LiveLine {
	id: string;
	speakerIdentity: string;
	speakerName: string;
	text: string;
	/** Epoch ms the utterance started (this browser's arrival time when the transcriber did not say). */
	at: number;
}

/** Finals kept for the live transcript (a long meeting's worth; the stored transcript has them all). */
const LIVE_LINES_KEPT = 2000;

/**
 * Live captions in the call: the transcriber's updates on LiveKit's `lk.transcription` text
 * streams (trusted as captionSpeaker says: a browser may send on that topic too), folded into the
 * lines the overlay shows and the finals the transcript panel lists; the transcriber's status
 * from its attributes; the room's switches from its metadata; and this viewer's choices (on,
 * size, position), remembered by the browser.
 */
export class CaptionsState {
	#segments = $state.raw<CaptionSegment[]>([]);
	#finals = $state.raw<LiveLine[]>([]);
	#now = $state(Date.now());
	#status = $state<TranscriberStatus | null>(null);
	#roomCaptions = $state(true);
	#transcribing = $state(false);
	#prefs = $state<CaptionPrefs>({ ...DEFAULT_CAPTION_PREFS });
	#busy = $state(false);
	#error = $state<string | null>(null);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#listening = false;

	constructor(
		readonly code: string,
		private readonly room: Room
	) {}

	/** The overlay's lines now (at most two). */
	get lines() {
		return captionLines(this.#segments, this.#now);
	}
	/** The final captions so far, oldest first. */
	get finals() {
		return this.#finals;
	}
	/** What the transcriber says of itself; null: no transcriber in the call. */
	get status() {
		return this.#status;
	}
	/** Speech in this call is being turned into text now (what everyone's indicator shows). */
	get transcribingSpeech() {
		return this.#status === 'live' || this.#status === 'behind';
	}
	/** The room's live-captions switch (the host's). */
	get roomCaptions() {
		return this.#roomCaptions;
	}
	/** This meeting's captions are being kept as its transcript. */
	get transcribing() {
		return this.#transcribing;
	}
	/** This viewer asked for captions. */
	get on() {
		return this.#prefs.on;
	}
	/** The overlay shows: asked for, and on in the room. */
	get shown() {
		return this.#prefs.on && this.#roomCaptions;
	}
	get size() {
		return this.#prefs.size;
	}
	get position() {
		return this.#prefs.position;
	}
	/** What the viewer should know about the captions now (behind, or the engine down). */
	get notice(): string | null {
		if (this.#status === 'behind') return m.call_captions_behind();
		if (this.#status === 'unavailable') return m.call_captions_unavailable();
		return null;
	}
	get busy() {
		return this.#busy;
	}
	get error() {
		return this.#error;
	}

	toggle(): void {
		this.#remember({ on: !this.#prefs.on });
	}
	setSize(size: CaptionSize): void {
		this.#remember({ size });
	}
	setPosition(position: CaptionPosition): void {
		this.#remember({ position });
	}

	/** Host: live captions on or off for the room (the server updates the room's metadata). */
	async setRoomCaptions(on: boolean): Promise<void> {
		await this.#hostChange(async () => (this.#roomCaptions = (await api.captions.room(this.code, on)).captions));
	}
	/** Host: keep (or stop keeping) this meeting's captions as its transcript. */
	async setTranscribing(on: boolean): Promise<void> {
		await this.#hostChange(async () => (this.#transcribing = (await api.captions.transcribe(this.code, on)).transcribing));
	}

	/**
	 * Adds the lines the server kept before this browser was listening (a latecomer, a reload)
	 * to the finals, when the meeting is transcribed: nothing is kept otherwise.
	 */
	async loadKept(): Promise<void> {
		if (!this.#transcribing) return;
		const kept = await api.captions.kept(this.code).catch(() => null);
		if (!kept) return;
		const known = new Set(this.#finals.map((line) => line.id));
		const earlier: LiveLine[] = kept.lines
			.filter((line) => !known.has(line.segmentId))
			.map((line) => ({ id: line.segmentId, speakerIdentity: line.participantIdentity, speakerName: line.speaker, text: line.text, at: Date.parse(line.startedAt) }));
		if (earlier.length) this.#finals = [...earlier, ...this.#finals].sort((a, b) => a.at - b.at).slice(-LIVE_LINES_KEPT);
	}

	/** Follows the transcriber's streams and status and the room's switches; returns the cleanup. */
	listen(): () => void {
		this.#listening = true;
		this.#prefs = parseCaptionPrefs(readStored());
		this.room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, (reader, sender) => void this.#receive(reader, sender.identity));
		const onSettings = () => {
			const metadata = parseRoomMetadata(this.room.metadata);
			this.#roomCaptions = metadata.captions;
			this.#transcribing = metadata.transcribing;
		};
		const onAgents = () => {
			const agents = [...this.room.remoteParticipants.values()].filter((p) => p.isAgent);
			this.#status = this.room.state === 'disconnected' ? null : transcriberStatus(agents);
		};
		const stops = [
			onRoomEvents(this.room, [RoomEvent.RoomMetadataChanged, RoomEvent.Connected, RoomEvent.Reconnected], onSettings),
			onRoomEvents(
				this.room,
				[RoomEvent.ParticipantAttributesChanged, RoomEvent.ParticipantConnected, RoomEvent.ParticipantDisconnected, RoomEvent.Connected, RoomEvent.Reconnected, RoomEvent.Disconnected],
				onAgents
			)
		];
		onSettings();
		onAgents();
		return () => {
			this.#listening = false;
			stops.forEach((stop) => stop());
			this.room.unregisterTextStreamHandler(TRANSCRIPTION_TOPIC);
			clearTimeout(this.#timer);
		};
	}

	async #receive(reader: TextStreamReader, identity: string): Promise<void> {
		// Captions come from the transcriber only: anyone may send on the topic (see captionSpeaker).
		const local = this.room.localParticipant;
		const sender = identity === local.identity ? local : this.room.remoteParticipants.get(identity);
		const transcriberPresent = [...this.room.remoteParticipants.values()].some((p) => p.isAgent);
		const speaker = captionSpeaker(
			sender && { identity: sender.identity, isAgent: sender.isAgent, micTrackSid: sender.getTrackPublication(Track.Source.Microphone)?.trackSid },
			transcriberPresent,
			reader.info.attributes
		);
		if (!speaker) return;
		const text = await reader.readAll().catch(() => null);
		const update = text === null ? null : parseCaptionUpdate({ ...reader.info.attributes, 'stoom.speaker_identity': speaker }, text);
		if (!update || !this.#listening) return;
		// The speaker's name as the call shows it now, else as the transcriber heard it.
		const known = speaker === local.identity ? local : this.room.remoteParticipants.get(speaker);
		this.#apply(known?.name ? { ...update, speakerName: known.name } : update);
	}

	#apply(update: CaptionUpdate) {
		const now = Date.now();
		const before = this.#segments.find((s) => s.segmentId === update.segmentId);
		this.#segments = foldCaption(this.#segments, update, now);
		// A final the kept transcript already brought (loaded while this one was on its way) is not listed twice.
		if (update.final && !before?.final && update.text && !this.#finals.some((line) => line.id === update.segmentId)) {
			const line = { id: update.segmentId, speakerIdentity: update.speakerIdentity, speakerName: update.speakerName, text: update.text, at: update.startMs ?? now };
			// In the order said: a late final (or one of two speakers at once) may come after later speech.
			this.#finals = [...this.#finals, line].sort((a, b) => a.at - b.at).slice(-LIVE_LINES_KEPT);
		}
		this.#tick(now);
	}

	/** Moves the overlay's clock to now, and again when its next line fades. */
	#tick = (now = Date.now()) => {
		this.#now = now;
		clearTimeout(this.#timer);
		const at = nextFade(this.#segments, now);
		if (at !== null) this.#timer = setTimeout(() => this.#tick(), Math.max(0, at - now));
	};

	#remember(change: Partial<CaptionPrefs>) {
		this.#prefs = { ...this.#prefs, ...change };
		try {
			localStorage.setItem(CAPTION_PREFS_KEY, JSON.stringify(this.#prefs));
		} catch {
			// storage refused (private mode, full): the choice holds for this call
		}
	}

	/** A host's switch: shown as the server answered at once (the room's metadata follows). */
	async #hostChange(call: () => Promise<unknown>): Promise<void> {
		this.#busy = true;
		this.#error = null;
		try {
			await call();
		} catch (err) {
			this.#error = err instanceof ApiError ? err.message : m.panel_not_reached();
		} finally {
			this.#busy = false;
		}
	}
}

function readStored(): string | null {
	try {
		return localStorage.getItem(CAPTION_PREFS_KEY);
	} catch {
		return null;
	}
}
