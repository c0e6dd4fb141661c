import { RoomEvent, Track, type RemoteTrackPublication, type Room } from 'livekit-client';
import { onRoomEvents } from './room-events';

/**
 * Whether this browser receives the others' cameras. Turned off (the fix a poor connection's
 * banner offers), every camera is unsubscribed, also those published later, and the tiles show
 * names instead; screen shares keep coming (what is presented matters more).
 */
export class IncomingVideo {
	#on = $state(true);

	constructor(private readonly room: Room) {}

	get on() {
		return this.#on;
	}

	set(on: boolean): void {
		this.#on = on;
		for (const participant of this.room.remoteParticipants.values()) {
			for (const publication of participant.trackPublications.values()) this.#apply(publication);
		}
	}

	listen(): () => void {
		return onRoomEvents(this.room, [RoomEvent.TrackPublished], (publication: RemoteTrackPublication) => this.#apply(publication));
	}

	#apply(publication: RemoteTrackPublication) {
		if (publication.source === Track.Source.Camera && publication.isSubscribed !== this.#on) publication.setSubscribed(this.#on);
	}
}
