import { KNOCK_END_STATES, type KnockState } from '#lib/access/lobby';
import { m } from '#lib/paraglide/messages';
import { api } from './api';

/** The lobby screen's view of the knock: asking (before the server's first word), then what the server says. */
export type KnockView = { state: 'asking' } | KnockState;

function isKnockState(value: unknown): value is KnockState {
	const state = (value as { state?: unknown } | null)?.state;
	return typeof state === 'string' && (state === 'waiting' || KNOCK_END_STATES.has(state as KnockState['state']));
}

/** A lost stream is opened again after this (EventSource retries by itself while the server is reachable). */
const REOPEN_MS = 2000;

/**
 * This browser's knock on a room that asks to join: the server pushes where it stands
 * (server-sent events) until a host or co-host answers, the knock expires or the meeting
 * ends. `listen()` opens the stream and returns its cleanup; `onAdmitted` gets the first
 * LiveKit token the server minted on admission (straight into the call, no second click).
 */
export class Knock {
	#view = $state.raw<KnockView>({ state: 'asking' });
	#source: EventSource | undefined;
	#reopen: ReturnType<typeof setTimeout> | undefined;
	#closed = false;

	constructor(
		readonly code: string,
		private readonly onAdmitted: (token: Extract<KnockState, { state: 'admitted' }>['token']) => void
	) {}

	get view() {
		return this.#view;
	}

	listen(): () => void {
		this.#closed = false;
		this.#open();
		return () => this.#close();
	}

	/** Stops asking to join (the host's list drops this knock). */
	async cancel(): Promise<void> {
		this.#close();
		this.#view = { state: 'cancelled', message: m.call_lobby_cancelled() };
		await api.lobby.cancel(this.code).catch(() => undefined);
	}

	#open() {
		if (this.#closed) return;
		const source = api.lobby.events(this.code);
		this.#source = source;
		source.onmessage = (event) => {
			let state: unknown;
			try {
				state = JSON.parse(event.data);
			} catch {
				return;
			}
			if (!isKnockState(state)) return;
			this.#view = state;
			if (!KNOCK_END_STATES.has(state.state)) return;
			this.#close();
			if (state.state === 'admitted') this.onAdmitted(state.token);
		};
		source.onerror = () => {
			// EventSource retries by itself; when it gave up (a 4xx/5xx answer) open it again shortly.
			if (source.readyState !== EventSource.CLOSED || this.#closed) return;
			this.#reopen = setTimeout(() => this.#open(), REOPEN_MS);
		};
	}

	#close() {
		this.#closed = true;
		clearTimeout(this.#reopen);
		this.#source?.close();
		this.#source = undefined;
	}
}
