import { describe, expect, it } from 'vitest';
import { audioConstraints, videoConstraints } from './capture-constraints';

describe('capture constraints', () => {
	const cases: [string, string | undefined, ConstrainDOMString][] = [
		['the default device when none is chosen', undefined, { ideal: 'default' }],
		['exactly the chosen device', 'cam-2', { exact: 'cam-2' }]
	];
	it.each(cases)('video: %s', (_, deviceId, expected) => {
		expect(videoConstraints(deviceId)).toEqual({ deviceId: expected, width: 1280, height: 720, frameRate: 30, aspectRatio: 16 / 9 });
	});
	it.each(cases)('audio: %s', (_, deviceId, expected) => {
		expect(audioConstraints(deviceId)).toEqual({
			deviceId: expected,
			autoGainControl: true,
			echoCancellation: true,
			noiseSuppression: true,
			voiceIsolation: true
		});
	});
});
