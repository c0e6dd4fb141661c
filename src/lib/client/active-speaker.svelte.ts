import { RoomEvent, type Participant, type Room } from 'livekit-client';
import { isPerson } from './participant-view';
import { initialSpeakerState, nextActiveSpeaker, speakerDeadline, type SpeakerState } from '../layout/active-speaker';

/**
 * The debounced active speaker of a room: LiveKit's ActiveSpeakersChanged run through the
 * pure reducer, re-evaluated at its deadline because events only come on changes.
 */
export class ActiveSpeaker {
	#state = $state.raw<SpeakerState>(initialSpeakerState);
	#last: string[] = [];
	#timer: ReturnType<typeof setTimeout> | undefined;
	#room: Room;

	constructor(room: Room) {
		this.#room = room;
		room.on(RoomEvent.ActiveSpeakersChanged, this.#onSpeakers);
	}

	get id(): string | null {
		return this.#state.current;
	}

	#onSpeakers = (speakers: Participant[]) => {
		this.#last = speakers.filter(isPerson).map((p) => p.identity);
		this.#evaluate();
	};

	#evaluate = () => {
		this.#state = nextActiveSpeaker(this.#state, { speakers: this.#last, now: performance.now() });
		clearTimeout(this.#timer);
		const at = speakerDeadline(this.#state);
		if (at !== null) this.#timer = setTimeout(this.#evaluate, Math.max(0, at - performance.now()));
	};

	destroy(): void {
		clearTimeout(this.#timer);
		this.#room.off(RoomEvent.ActiveSpeakersChanged, this.#onSpeakers);
	}
}
