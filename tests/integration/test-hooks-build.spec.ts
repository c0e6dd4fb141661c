import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every file of a build's browser side that names `needle`, relative to the build. */
function browserFilesNaming(build: string, needle: string): string[] {
	const root = join(build, 'client');
	if (!existsSync(root)) throw new Error(`${build}/ is missing: ./stoom test builds it (STOOM_TEST_HOOKS=1 for build-test/)`);
	return (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.js') && readFileSync(join(root, file), 'utf8').includes(needle));
}

// The test hooks (src/lib/client/test-hooks.ts) are compiled in only when vite.config.ts is told
// STOOM_TEST_HOOKS=1: the browser tests run that build, the product ships the other.
describe('test hooks in the builds', () => {
	it('the production build (build/) sends no test hook to the browser', () => {
		expect(browserFilesNaming('build', '__stoomBoard')).toEqual([]);
	});

	it('the test build (build-test/) exposes the board to the browser tests', () => {
		expect(browserFilesNaming('build-test', '__stoomBoard')).toHaveLength(1);
	});
});
