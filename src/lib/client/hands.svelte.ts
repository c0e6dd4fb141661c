import { RoomEvent, type Participant, type Room } from 'livekit-client';
import { EMPTY_QUEUE, HANDS_TOPIC, newestQueue, parseHandQueue, type HandQueue } from '#lib/hands/queue';
import { SpokenTime } from '#lib/hands/spoken-time';
import { m } from '#lib/paraglide/messages';
import { api, ApiError } from './api';
import { joinSettled } from './join-settled';
import { onRoomEvents } from './room-events';
import { onServerData } from './server-data';

/** How often a speaker's hand checks whether they have now spoken long enough. */
const SPEAKING_CHECK_MS = 500;

/**
 * The meeting's raised hands: the server's queue (loaded once the join settles and after each
 * reconnect, followed through the server's broadcasts, the newest version kept), this browser's
 * own hand, and its lowering itself once its owner has spoken long enough.
 */
export class HandsState {
	#queue = $state.raw<HandQueue>(EMPTY_QUEUE);
	#busy = $state(false);
	#error = $state<string | null>(null);
	#loaded = $state(false);
	#spoken = new SpokenTime();
	#speakingTimer: ReturnType<typeof setInterval> | undefined;

	constructor(
		readonly code: string,
		private readonly room: Room
	) {}

	get queue() {
		return this.#queue;
	}
	get busy() {
		return this.#busy;
	}
	get error() {
		return this.#error;
	}
	/** The server's queue has been loaded once (what was up before is not news). */
	get loaded() {
		return this.#loaded;
	}
	/** Whether this browser's hand is up. */
	get raised() {
		const self = this.room.localParticipant.identity;
		return this.#queue.hands.some((h) => h.identity === self);
	}

	raise = () => this.#change({ action: 'raise' });
	lower = () => this.#change({ action: 'lower' });
	toggle = () => (this.raised ? this.lower() : this.raise());
	/** Host or co-host: lower someone's hand. */
	lowerFor = (identity: string) => this.#change({ action: 'lower', identity });
	/** Host or co-host: lower every hand. */
	lowerAll = () => this.#change({ action: 'lower_all' });

	async load(): Promise<void> {
		try {
			this.#apply(await api.hands.queue(this.code));
			this.#loaded = true;
		} catch (err) {
			this.#error = m.panel_hands_load_failed({ reason: (err as Error).message });
		}
	}

	/** Follows the queue and this person's speaking; returns the cleanup. */
	listen(): () => void {
		const onConnected = () => void joinSettled(this.room).then(() => this.load());
		const onSpeakers = (speakers: Participant[]) => this.#speaking(speakers.some((p) => p.isLocal));
		const stops = [
			onServerData(this.room, HANDS_TOPIC, (message) => {
				const queue = parseHandQueue(message);
				if (queue) this.#apply(queue);
			}),
			onRoomEvents(this.room, [RoomEvent.Connected], onConnected),
			onRoomEvents(this.room, [RoomEvent.Reconnected], () => void this.load()),
			onRoomEvents(this.room, [RoomEvent.ActiveSpeakersChanged], onSpeakers)
		];
		if (this.room.state === 'connected') onConnected();
		return () => {
			stops.forEach((stop) => stop());
			clearInterval(this.#speakingTimer);
		};
	}

	async #change(change: Parameters<typeof api.hands.change>[1]): Promise<void> {
		this.#busy = true;
		this.#error = null;
		try {
			this.#apply(await api.hands.change(this.code, change));
		} catch (err) {
			this.#error = err instanceof ApiError ? err.message : m.panel_not_reached();
		} finally {
			this.#busy = false;
		}
	}

	#apply(incoming: HandQueue) {
		const wasRaised = this.raised;
		this.#queue = newestQueue(this.#queue, incoming);
		if (this.raised && !wasRaised) this.#spoken.reset();
	}

	/** While this person's hand is up, their speech adds up; past the mark the hand comes down. */
	#speaking(speaking: boolean) {
		if (!this.raised) return;
		const enough = this.#spoken.update(speaking, performance.now());
		clearInterval(this.#speakingTimer);
		if (enough) return void this.#lowerAfterSpeaking();
		if (speaking) {
			this.#speakingTimer = setInterval(() => {
				if (this.raised && this.#spoken.reached(performance.now())) void this.#lowerAfterSpeaking();
			}, SPEAKING_CHECK_MS);
		}
	}

	async #lowerAfterSpeaking() {
		clearInterval(this.#speakingTimer);
		if (this.raised && !this.#busy) await this.#change({ action: 'lower', reason: 'spoke' });
	}
}
