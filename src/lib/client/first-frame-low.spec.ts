import { EventEmitter } from 'node:events';
import { RoomEvent, Track, TrackEvent, VideoQuality, type Room } from 'livekit-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOWEST_LAYER, RELEASE_AFTER_MS, lowestLayerOf, startRemoteCamerasLow } from './first-frame-low';

const layer = (quality: VideoQuality, width: number, height: number) => ({ quality, width, height });

describe('lowestLayerOf', () => {
	it.each([
		{ case: 'the LOW layer the publication advertises', layers: [layer(VideoQuality.HIGH, 1280, 720), layer(VideoQuality.LOW, 320, 180)], low: { width: 320, height: 180 } },
		{ case: 'else the narrowest layer', layers: [layer(VideoQuality.HIGH, 1280, 720), layer(VideoQuality.MEDIUM, 640, 360)], low: { width: 640, height: 360 } },
		{ case: 'no layers: the default', layers: [], low: LOWEST_LAYER },
		{ case: 'a layer of no size: the default', layers: [layer(VideoQuality.LOW, 0, 0)], low: LOWEST_LAYER }
	])('$case', ({ layers, low }) => {
		expect(lowestLayerOf({ layers })).toEqual(low);
	});

	it('no track info: the default', () => {
		expect(lowestLayerOf(undefined)).toEqual(LOWEST_LAYER);
	});
});

/** What startRemoteCamerasLow asks of a publication, and what it was asked. */
class Publication {
	asked: unknown[] = [];
	isSubscribed = true;
	trackInfo = { layers: [layer(VideoQuality.LOW, 320, 180), layer(VideoQuality.HIGH, 1280, 720)] };
	constructor(readonly source: Track.Source) {}
	setVideoDimensions(dimensions: { width: number; height: number }) {
		this.asked.push(dimensions);
	}
	setVideoQuality(quality: VideoQuality) {
		this.asked.push(quality);
	}
}

function subscribe(room: EventEmitter, kind: Track.Kind, source: Track.Source) {
	const track = Object.assign(new EventEmitter(), { kind });
	const publication = new Publication(source);
	room.emit(RoomEvent.TrackSubscribed, track, publication);
	return { track, publication };
}

describe('startRemoteCamerasLow', () => {
	let room: EventEmitter;
	let stop: () => void;
	beforeEach(() => {
		vi.useFakeTimers();
		room = new EventEmitter();
		stop = startRemoteCamerasLow(room as unknown as Room);
	});
	afterEach(() => vi.useRealTimers());

	it('a new camera starts on its lowest layer, and goes to the tile’s size once its first frame played', () => {
		const { track, publication } = subscribe(room, Track.Kind.Video, Track.Source.Camera);
		expect(publication.asked).toEqual([{ width: 320, height: 180 }]);
		track.emit(TrackEvent.VideoPlaybackStarted);
		expect(publication.asked).toEqual([{ width: 320, height: 180 }, VideoQuality.HIGH]);
		vi.advanceTimersByTime(RELEASE_AFTER_MS);
		expect(publication.asked).toHaveLength(2);
	});

	it('a camera whose frame never plays is handed back after RELEASE_AFTER_MS', () => {
		const { publication } = subscribe(room, Track.Kind.Video, Track.Source.Camera);
		vi.advanceTimersByTime(RELEASE_AFTER_MS - 1);
		expect(publication.asked).toHaveLength(1);
		vi.advanceTimersByTime(1);
		expect(publication.asked).toEqual([{ width: 320, height: 180 }, VideoQuality.HIGH]);
	});

	it.each([
		{ case: 'a screen share', kind: Track.Kind.Video, source: Track.Source.ScreenShare },
		{ case: 'a microphone', kind: Track.Kind.Audio, source: Track.Source.Microphone }
	])('leaves $case as it comes', ({ kind, source }) => {
		expect(subscribe(room, kind, source).publication.asked).toEqual([]);
	});

	it('the cleanup hands back the cameras still held low and stops watching', () => {
		const { track, publication } = subscribe(room, Track.Kind.Video, Track.Source.Camera);
		stop();
		expect(publication.asked).toEqual([{ width: 320, height: 180 }, VideoQuality.HIGH]);
		expect(track.listenerCount(TrackEvent.VideoPlaybackStarted)).toBe(0);
		expect(room.listenerCount(RoomEvent.TrackSubscribed)).toBe(0);
		expect(subscribe(room, Track.Kind.Video, Track.Source.Camera).publication.asked).toEqual([]);
	});
});
