import { defineConfig } from '@playwright/test';
import { chromiumArgs } from './playwright.config';

/**
 * The cluster tests: two livekit-server nodes over Redis, two Egress workers, two app
 * processes behind nginx (scripts/cluster.sh, profile `test`), on the test database. The
 * global setup starts that topology from a clean test database; the tests kill its
 * processes and start them again.
 */
export default defineConfig({
	testDir: 'tests/cluster',
	outputDir: 'test-results/cluster-artifacts',
	timeout: 180_000,
	expect: { timeout: 20_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: 'test-results/cluster.json' }]],
	globalSetup: './tests/cluster/global-setup.ts',
	use: {
		baseURL: 'http://localhost:3400',
		permissions: ['camera', 'microphone'],
		trace: 'retain-on-failure',
		launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs }
	}
});
