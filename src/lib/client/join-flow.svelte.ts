import type Meeting from '../components/Meeting.svelte';
import type { RoomToken } from './api';
import { Knock } from './knock.svelte';
import type { MediaChoices, MeetingConnection } from './meeting.svelte';

/** Where the person is on the meeting page. */
export type JoinStage = 'prejoin' | 'lobby' | 'call';

/** The call's code (livekit-client, the stage), loaded in the background while the person is on the pre-join. */
const loadInCall = () => import('./in-call');

/**
 * The meeting page's way from the pre-join screen into the call, through the lobby when the
 * room asks to join, and back in after a Rejoin. It owns the connections: one made (and its
 * way to LiveKit warmed) while the person is on the pre-join, which the call then uses; a new
 * one for each Rejoin. The page renders what it says; `destroy()` leaves whatever is open.
 */
export class JoinFlow {
	#Stage = $state.raw<typeof Meeting | undefined>(undefined);
	/** The call's connection, once the person joined. */
	#connection = $state.raw<MeetingConnection | undefined>(undefined);
	/** Made on the pre-join screen, its way to LiveKit warmed; the call takes it. */
	#prepared = $state.raw<MeetingConnection | undefined>(undefined);
	/** The join step is on its way: the stage renders (hidden) meanwhile, off the connect's path. */
	#pending = $state(false);
	#pendingTimer: ReturnType<typeof setTimeout> | undefined;
	/** A Rejoin keeps the stage on screen while it connects again. */
	#rejoining = $state(false);
	#knock = $state.raw<Knock | undefined>(undefined);
	#stopKnock = () => {};
	#lastChoices: MediaChoices | undefined;
	#destroyed = false;

	constructor(
		readonly code: string,
		private readonly livekitUrl: string
	) {}

	get stage(): JoinStage {
		if (this.#connection) return 'call';
		return this.#knock ? 'lobby' : 'prejoin';
	}
	/** The in-call component, once its code has loaded. */
	get Stage() {
		return this.#Stage;
	}
	/** The connection the stage shows: the call's, or (while the join step is on its way) the prepared one, hidden. */
	get stageConnection(): MeetingConnection | undefined {
		return this.#connection ?? (this.#pending ? this.#prepared : undefined);
	}
	/** Whether the stage is on screen (else the pre-join is). */
	get stageShown(): boolean {
		return Boolean(this.#connection && (this.#rejoining || this.#connection.stageReady));
	}
	/** The join step passed and the call is connecting: the pre-join's button stays busy. */
	get joining(): boolean {
		return Boolean(this.#connection);
	}
	/** The knock on a room that asks to join, while the person waits in the lobby. */
	get knock(): Knock | undefined {
		return this.#knock;
	}

	/** The pre-join's preview shows: load the call's code and make its connection now. */
	async prepare(): Promise<void> {
		const { MeetingConnection, Meeting } = await loadInCall();
		this.#Stage = Meeting;
		if (this.#connection || this.#prepared || this.#destroyed) return;
		this.#prepared = new MeetingConnection(this.code);
		this.#prepared.prepare(this.livekitUrl);
	}

	/** The join step was sent (true), or ended without joining (false). */
	pending(on: boolean): void {
		clearTimeout(this.#pendingTimer);
		// A task later: the join request is sent first, the render does not hold it up.
		if (on) this.#pendingTimer = setTimeout(() => (this.#pending = true));
		else this.#pending = false;
	}

	/** The join step let the person in (`token`: its first LiveKit token): into the call. */
	async start(choices: MediaChoices, token?: RoomToken): Promise<void> {
		this.#stopKnocking();
		// A Rejoin opens the devices again: the preview's tracks went with the first connection.
		this.#lastChoices = { micOn: choices.micOn, cameraOn: choices.cameraOn, audioDeviceId: choices.audioDeviceId, videoDeviceId: choices.videoDeviceId };
		const { MeetingConnection, Meeting } = await loadInCall();
		this.#Stage = Meeting;
		const connection = this.#prepared ?? new MeetingConnection(this.code);
		this.#connection = connection;
		this.#prepared = undefined;
		if (this.#destroyed) return void connection.leave();
		void connection.join(choices, token);
	}

	/**
	 * The join step answered "knock": wait in the lobby. Admitted, the person goes straight into
	 * the call with the choices the pre-join hands over then.
	 */
	knocked(choices: () => MediaChoices): void {
		this.#stopKnocking();
		const knock = new Knock(this.code, (token) => void this.start(choices(), token ?? undefined));
		this.#knock = knock;
		this.#stopKnock = knock.listen();
	}

	/** Back to the pre-join's form (to ask again). */
	stopKnocking(): void {
		this.#stopKnocking();
		this.#knock = undefined;
	}

	/** Connects again after a disconnect (with a new connection; the stage stays). */
	rejoin(): void {
		this.#rejoining = true;
		void this.#connection?.leave(); // it stays on the stage until the new one replaces it
		if (this.#lastChoices) void this.start(this.#lastChoices);
	}

	destroy(): void {
		this.#destroyed = true;
		this.#stopKnocking();
		clearTimeout(this.#pendingTimer);
		void this.#connection?.leave();
		void this.#prepared?.leave();
	}

	#stopKnocking() {
		this.#stopKnock();
		this.#stopKnock = () => {};
	}
}
