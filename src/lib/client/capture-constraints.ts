/**
 * What the pre-join preview asks getUserMedia for: livekit-client's own capture defaults
 * (720p at 30 fps; echo cancellation, noise suppression, gain control), so the tracks the
 * meeting publishes from the preview are the ones `setCameraEnabled` would have opened, and
 * LiveKit reopens the same when the camera is switched off and on again.
 */
export function videoConstraints(deviceId?: string): MediaTrackConstraints {
	return { deviceId: deviceId ? { exact: deviceId } : { ideal: 'default' }, width: 1280, height: 720, frameRate: 30, aspectRatio: 16 / 9 };
}

export function audioConstraints(deviceId?: string): MediaTrackConstraints {
	// voiceIsolation: Chrome's experimental constraint, which livekit-client asks for too.
	const constraints: MediaTrackConstraints & { voiceIsolation: boolean } = {
		deviceId: deviceId ? { exact: deviceId } : { ideal: 'default' },
		autoGainControl: true,
		echoCancellation: true,
		noiseSuppression: true,
		voiceIsolation: true
	};
	return constraints;
}
