import { VideoQuality } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { withLowestLayerOn } from './lowest-layer';

describe('withLowestLayerOn', () => {
	const q = (low: boolean, medium: boolean, high: boolean) => [
		{ quality: VideoQuality.LOW, enabled: low },
		{ quality: VideoQuality.MEDIUM, enabled: medium },
		{ quality: VideoQuality.HIGH, enabled: high }
	];
	it.each([
		{ case: 'nobody watches: only the lowest layer stays on', asked: q(false, false, false), sent: q(true, false, false) },
		{ case: 'a small tile: as asked', asked: q(true, false, false), sent: q(true, false, false) },
		{ case: 'a large tile only: the lowest layer stays on beside it', asked: q(false, false, true), sent: q(true, false, true) },
		{ case: 'everything wanted: as asked', asked: q(true, true, true), sent: q(true, true, true) }
	])('$case', ({ asked, sent }) => {
		expect(withLowestLayerOn(asked)).toEqual(sent);
	});

	it('leaves a list without a LOW entry as it is', () => {
		const only = [{ quality: VideoQuality.HIGH, enabled: false }];
		expect(withLowestLayerOn(only)).toEqual(only);
	});
});
