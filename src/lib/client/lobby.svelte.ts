import { RoomEvent, type Room } from 'livekit-client';
import { LOBBY_TOPIC, type KnockView, type LobbyUpdate } from '#lib/access/lobby';
import { m } from '#lib/paraglide/messages';
import { api, ApiError } from './api';
import { onServerData } from './server-data';

function isLobbyUpdate(value: unknown): value is LobbyUpdate {
	const u = value as Partial<LobbyUpdate> | null;
	return typeof u === 'object' && u !== null && u.type === 'lobby' && Array.isArray(u.waiting) && typeof u.total === 'number';
}

/** A short two-note chime for a new knock (no asset to load; silent where audio is blocked). */
function chime(): void {
	try {
		const context = new AudioContext();
		const gain = context.createGain();
		gain.gain.value = 0.08;
		gain.connect(context.destination);
		[660, 880].forEach((frequency, i) => {
			const tone = context.createOscillator();
			tone.frequency.value = frequency;
			tone.connect(gain);
			tone.start(context.currentTime + i * 0.15);
			tone.stop(context.currentTime + i * 0.15 + 0.12);
		});
		setTimeout(() => void context.close(), 600);
	} catch {
		// no audio: the notice shows anyway
	}
}

/**
 * The lobby as a host or co-host sees it in the call: who is knocking (pushed by the server
 * as LiveKit data to the meeting's hosts only, and loaded on every (re)connect), a notice and a
 * chime for each new knock, and the answers. `listen()` subscribes and returns the cleanup;
 * nothing is loaded while `active()` is false (a guest, who may not see the lobby).
 */
export class LobbyState {
	#waiting = $state.raw<KnockView[]>([]);
	#total = $state(0);
	#askToJoin = $state(false);
	/** Knocks that arrived since the host last looked (the notice). */
	#fresh = $state.raw<KnockView[]>([]);
	#alert = $state<string | null>(null);
	#error = $state<string | null>(null);
	#busy = $state(false);
	#seen = new Set<string>();
	#loaded = false;

	constructor(
		readonly code: string,
		private readonly room: Room,
		private readonly active: () => boolean
	) {}

	/** Everyone waiting, oldest first. */
	get waiting() {
		return this.#waiting;
	}
	get total() {
		return this.#total;
	}
	/** The meeting asks to join now (its setting, or a removal earlier). */
	get askToJoin() {
		return this.#askToJoin;
	}
	/** Knocks the notice shows: those that arrived since it was last dismissed, still waiting. */
	get fresh() {
		return this.#fresh;
	}
	/** A one-off word for the hosts (the meeting switched to ask to join, password guessing). */
	get alert() {
		return this.#alert;
	}
	get error() {
		return this.#error;
	}
	get busy() {
		return this.#busy;
	}

	listen(): () => void {
		const stopData = onServerData(this.room, LOBBY_TOPIC, (update) => {
			if (isLobbyUpdate(update)) this.#apply(update);
		});
		const load = () => void this.load();
		this.room.on(RoomEvent.Connected, load).on(RoomEvent.Reconnected, load).on(RoomEvent.ParticipantMetadataChanged, load);
		if (this.room.state === 'connected') load();
		return () => {
			stopData();
			this.room.off(RoomEvent.Connected, load).off(RoomEvent.Reconnected, load).off(RoomEvent.ParticipantMetadataChanged, load);
		};
	}

	/** Reads the lobby from the server (hosts and co-hosts only). */
	async load(): Promise<void> {
		if (!this.active()) return;
		try {
			this.#apply(await api.lobby.list(this.code), !this.#loaded);
			this.#loaded = true;
		} catch {
			// the next push or reconnect loads it
		}
	}

	/** Lets `ids` in, or everyone waiting (none given). */
	admit(ids?: string[]): Promise<void> {
		return this.#decide('admit', ids);
	}

	/** Turns `ids` away, or everyone waiting (none given). */
	deny(ids?: string[]): Promise<void> {
		return this.#decide('deny', ids);
	}

	/** Hides the notice until the next knock. */
	dismiss(): void {
		this.#fresh = [];
		this.#alert = null;
	}

	/** Locks the meeting, or sets whether guests ask to join. */
	async setAccess(change: { locked?: boolean; askToJoin?: boolean; reactions?: boolean }): Promise<{ locked: boolean; askToJoin: boolean; reactions: boolean } | undefined> {
		this.#error = null;
		try {
			const answer = await api.access(this.code, change);
			if (change.askToJoin !== undefined) this.#askToJoin = answer.askToJoin;
			return answer;
		} catch (err) {
			this.#error = err instanceof ApiError ? err.message : m.call_try_again_error();
			return undefined;
		}
	}

	async #decide(action: 'admit' | 'deny', ids?: string[]) {
		this.#busy = true;
		this.#error = null;
		try {
			const answer = await api.lobby.decide(this.code, action, ids);
			if (answer.full) this.#error = m.call_lobby_full({ count: answer.full });
			await this.load(); // the server's push says the same; this does not wait for it
		} catch (err) {
			this.#error = err instanceof ApiError ? err.message : m.call_try_again_error();
		} finally {
			this.#busy = false;
		}
	}

	#apply(update: LobbyUpdate, quiet = false) {
		this.#waiting = update.waiting;
		this.#total = update.total;
		this.#askToJoin = update.askToJoin;
		const waitingIds = new Set(update.waiting.map((k) => k.id));
		const arrived = update.waiting.filter((k) => !this.#seen.has(k.id));
		arrived.forEach((k) => this.#seen.add(k.id));
		this.#fresh = [...this.#fresh.filter((k) => waitingIds.has(k.id)), ...arrived];
		if (update.forcedByRemoval) this.#alert = m.call_lobby_removed_alert();
		if (update.passwordGuessing) this.#alert = m.call_lobby_password_alert();
		if (arrived.length && !quiet) chime();
	}
}
