import { describe, expect, it } from 'vitest';
import { isShellAsset, PRECACHE_ASSET } from './shell';

describe('the service worker keeps the app shell only', () => {
	it.each([
		['/_app/immutable/entry/start.BXk2.js', true],
		['/_app/immutable/assets/0.C3x1.css', true],
		['/_app/immutable/assets/rnnoise.D1a2.wasm', false],
		['/_app/immutable/assets/selfie_segmenter.9f.tflite', false],
		['/api/rooms/abc-defg-hij/chat.js', false]
	])('built %s → %s', (path, kept) => {
		expect(isShellAsset(path)).toBe(kept);
	});

	it.each([
		['/favicon.svg', true],
		['/icons/icon-192.png', true],
		['/manifest.webmanifest', true],
		['/offline.html', true],
		['/audio/ring.mp3', false],
		['/fonts/inter.woff2', false]
	])('static %s precached → %s', (path, kept) => {
		expect(PRECACHE_ASSET.test(path)).toBe(kept);
	});
});
