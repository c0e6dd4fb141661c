import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every image the Docker path runs is pinned to a version: `latest` or a bare major drifts. */
const ROOT = resolve(import.meta.dirname, '..');
const images = [
	...readFileSync(resolve(ROOT, 'infra/compose.yaml'), 'utf8').matchAll(/^\s*image:\s*(\S+)/gm),
	...readFileSync(resolve(ROOT, 'infra/app.Dockerfile'), 'utf8').matchAll(/^FROM\s+(\S+)/gm)
].map((m) => m[1]!);

describe('pinned images', () => {
	it('finds the images', () => {
		expect(images.length).toBeGreaterThanOrEqual(7);
	});

	it.each(images)('%s names an exact version', (image) => {
		const tag = image.split(':')[1] ?? '';
		expect(tag).not.toBe('latest');
		// major.minor at least (15.10, 7.4.2, v1.13.5, 24.21.0-bookworm-slim), or a build number (llama.cpp's server-b8840).
		expect(/^v?\d+\.\d+/.test(tag) || /(^|-)b\d{3,}$/.test(tag), tag).toBe(true);
	});
});
