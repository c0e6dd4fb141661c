import { LocalVideoTrack, TrackPublishOptions, TrackSource, VideoBufferType, VideoFrame, VideoSource, type Room } from '@livekit/rtc-node';

/**
 * Publishes a synthetic video track (camera or screen) into a connected rtc-node room: a
 * coloured frame whose shade changes every frame, at ~15 fps, so recorders and players see
 * real, moving video.
 */
export async function publishVideo(room: Room, source: 'camera' | 'screen', { width = 320, height = 180, hue = 0 } = {}) {
	const video = new VideoSource(width, height);
	let n = 0;
	const timer = setInterval(() => {
		const data = new Uint8Array(width * height * 4);
		const shade = (n++ * 7) % 255;
		for (let p = 0; p < data.length; p += 4) {
			data[p] = (hue + shade) % 255;
			data[p + 1] = ((p / 4) % width) % 255;
			data[p + 2] = source === 'screen' ? 220 : 40;
			data[p + 3] = 255;
		}
		video.captureFrame(new VideoFrame(data, width, height, VideoBufferType.RGBA));
	}, 66);
	const options = new TrackPublishOptions();
	options.source = source === 'camera' ? TrackSource.SOURCE_CAMERA : TrackSource.SOURCE_SCREENSHARE;
	const publication = await room.localParticipant!.publishTrack(LocalVideoTrack.createVideoTrack(source, video), options);
	return {
		sid: publication.sid,
		async stop() {
			clearInterval(timer);
			await room.localParticipant!.unpublishTrack(publication.sid!).catch(() => undefined);
			await video.close();
		}
	};
}
