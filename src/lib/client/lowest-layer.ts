import { RoomEvent, Track, VideoQuality, type LocalTrackPublication, type LocalVideoTrack, type Room } from 'livekit-client';

type Qualities = Parameters<LocalVideoTrack['setPublishingLayers']>[1];

/** The lowest simulcast layer: 0 in LiveKit's protocol and in livekit-client's enum alike. */
const LOW: number = VideoQuality.LOW;

/** The SFU's wanted layers with the lowest one always on; the rest as the SFU asked. */
export function withLowestLayerOn<Q extends { quality: number; enabled: boolean }>(qualities: Q[]): Q[] {
	return qualities.map((q) => (q.quality === LOW && !q.enabled ? { ...q, enabled: true } : q));
}

/**
 * Dynacast pauses every simulcast layer of a camera nobody watches (LiveKit's
 * dynacast_pause_delay, 5 s after the last viewer went); the next person to join then waits
 * for the SFU to ask for a layer again and for the encoder's keyframe — 300–700 ms more to
 * the first frame on this machine, in about half the joins (bench/join-timeline.ts). Keeping
 * the lowest layer (a quarter of the resolution) always on lets the SFU start a newcomer on
 * it at once and switch up when the higher layer resumes; the higher layers still pause.
 * Applies to every camera this room publishes until the returned cleanup.
 */
export function keepLowestLayerOn(room: Room): () => void {
	const onPublished = (publication: LocalTrackPublication) => {
		const track = publication.videoTrack;
		if (publication.source !== Track.Source.Camera || !track) return;
		const setLayers = track.setPublishingLayers.bind(track);
		track.setPublishingLayers = (isSvc: boolean, qualities: Qualities) => setLayers(isSvc, isSvc ? qualities : withLowestLayerOn(qualities));
	};
	room.on(RoomEvent.LocalTrackPublished, onPublished);
	return () => void room.off(RoomEvent.LocalTrackPublished, onPublished);
}
