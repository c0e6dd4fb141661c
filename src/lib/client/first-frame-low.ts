import { RoomEvent, Track, TrackEvent, VideoQuality, type RemoteTrack, type RemoteTrackPublication, type Room } from 'livekit-client';

/** A camera's lowest simulcast layer, when its track info does not say. */
export const LOWEST_LAYER = { width: 320, height: 180 };
/** A camera whose first frame never plays (a tile never shown) is handed back after this. */
export const RELEASE_AFTER_MS = 3_000;

type Layers = { layers?: { quality: number; width: number; height: number }[] } | undefined;

/** The lowest layer a publication advertises, else LOWEST_LAYER. */
export function lowestLayerOf(trackInfo: Layers): { width: number; height: number } {
	const layers = trackInfo?.layers ?? [];
	const low = layers.find((l) => l.quality === VideoQuality.LOW) ?? [...layers].sort((a, b) => a.width - b.width)[0];
	return low && low.width > 0 ? { width: low.width, height: low.height } : LOWEST_LAYER;
}

/**
 * Each remote camera starts on its lowest layer, and goes to what adaptive stream asks (the
 * tile's size) once its first frame played.
 *
 * Why: a camera that started publishing a second or two ago has not yet encoded its higher
 * layers (the sender's bandwidth estimate is still ramping up), but the SFU takes a new
 * subscriber's big tile as a request for the high layer and forwards nothing until that layer
 * produces a keyframe — 0.7–1 s with no video at all on this machine, in about a third of the
 * joins that came soon after the other person's camera started (bench/join-timeline.ts; never
 * when it had been on for a few seconds). The lowest layer is always on (lowest-layer.ts), so
 * the SFU starts on it at once and switches up when the higher layer is there.
 */
export function startRemoteCamerasLow(room: Room): () => void {
	const releases = new Set<() => void>();
	const onSubscribed = (track: RemoteTrack, publication: RemoteTrackPublication) => {
		if (track.kind !== Track.Kind.Video || publication.source !== Track.Source.Camera) return;
		publication.setVideoDimensions(lowestLayerOf(publication.trackInfo as Layers));
		const release = () => {
			clearTimeout(timer);
			track.off(TrackEvent.VideoPlaybackStarted, release);
			releases.delete(release);
			// Back to adaptive stream: the tile's size, up to the high layer.
			if (publication.isSubscribed) publication.setVideoQuality(VideoQuality.HIGH);
		};
		const timer = setTimeout(release, RELEASE_AFTER_MS);
		track.on(TrackEvent.VideoPlaybackStarted, release);
		releases.add(release);
	};
	room.on(RoomEvent.TrackSubscribed, onSubscribed);
	return () => {
		room.off(RoomEvent.TrackSubscribed, onSubscribed);
		for (const release of [...releases]) release();
	};
}
