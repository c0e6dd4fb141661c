import { RoomEvent, Track, TrackEvent, type RemoteParticipant, type RemoteTrack, type Room } from 'livekit-client';

/** How long the joiner's own publishing may wait for the first remote video to play. */
export const PUBLISH_WAIT_CAP_MS = 800;

export type FirstVideoOutcome = 'played' | 'none expected' | 'cap';

/** Someone in the room sends video now: a camera or a screen, not muted. */
export function remoteVideoExpected(participants: Iterable<Pick<RemoteParticipant, 'videoTrackPublications'>>): boolean {
	for (const participant of participants) {
		for (const publication of participant.videoTrackPublications.values()) if (!publication.isMuted) return true;
	}
	return false;
}

/**
 * Resolves once a remote video plays its first frame in this page (livekit-client's
 * VideoPlaybackStarted, from the element's `play()` at attach), at once when nobody sends video,
 * or after `capMs` — whichever comes first. Call it as the room connects, before the stage
 * attaches the tracks, so no start is missed.
 *
 * Why: right after the join, the page's main thread is the bottleneck on a loaded machine
 * (bench/join-timeline.ts: busy from the click to the first frame), and publishing the
 * joiner's camera and microphone — two transceivers with simulcast, an offer, two descriptions —
 * takes 50–100 ms of it in exactly the stretch where the first remote frame is decoded and
 * shown. Seeing the others first and being seen a moment later is the order a person joining
 * expects; the cap keeps the delay bounded when a remote video never starts (a hidden tile).
 */
export function firstRemoteVideo(room: Room, capMs: number): Promise<FirstVideoOutcome> {
	if (!remoteVideoExpected(room.remoteParticipants.values())) return Promise.resolve('none expected');
	return new Promise((resolve) => {
		const watched = new Set<RemoteTrack>();
		const done = (outcome: FirstVideoOutcome) => {
			clearTimeout(timer);
			room.off(RoomEvent.TrackSubscribed, watch);
			for (const track of watched) track.off(TrackEvent.VideoPlaybackStarted, played);
			resolve(outcome);
		};
		const played = () => done('played');
		const watch = (track: RemoteTrack) => {
			if (track.kind !== Track.Kind.Video || watched.has(track)) return;
			watched.add(track);
			track.on(TrackEvent.VideoPlaybackStarted, played);
		};
		const timer = setTimeout(() => done('cap'), capMs);
		room.on(RoomEvent.TrackSubscribed, watch);
		for (const participant of room.remoteParticipants.values()) {
			for (const publication of participant.videoTrackPublications.values()) if (publication.track) watch(publication.track);
		}
	});
}
