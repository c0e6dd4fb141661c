import type { Track } from 'livekit-client';

/** `{@attach attachTrack(track)}`: plays a LiveKit track in a media element while it is mounted. */
export function attachTrack(track: Track | undefined) {
	return (element: HTMLMediaElement) => {
		if (!track) return;
		track.attach(element);
		return () => {
			track.detach(element);
		};
	};
}

/** `{@attach attachMediaTrack(track)}`: plays a plain MediaStreamTrack (the pre-join preview) while mounted. */
export function attachMediaTrack(track: MediaStreamTrack | undefined) {
	return (element: HTMLMediaElement) => {
		if (!track) return;
		element.srcObject = new MediaStream([track]);
		return () => {
			element.srcObject = null;
		};
	};
}
