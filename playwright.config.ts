import { defineConfig } from '@playwright/test';

const port = Number(process.env.APP_PORT ?? 3100);

/** Debian's Chromium with fake camera and microphone; loopback ICE needs the last flag. */
export const chromiumArgs = [
	'--use-fake-device-for-media-stream',
	'--use-fake-ui-for-media-stream',
	'--allow-loopback-in-peer-connection',
	'--autoplay-policy=no-user-gesture-required',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export default defineConfig({
	testDir: 'tests/e2e',
	// Its own folder: Playwright empties outputDir, and test-results/ also holds Vitest's report.
	outputDir: 'test-results/e2e-artifacts',
	timeout: 120_000,
	expect: { timeout: 20_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
		baseURL: `http://localhost:${port}`,
		permissions: ['camera', 'microphone'],
		// The app's service worker would sit between page.route() and the requests it stubs and cache
		// every script in each new context; tests/e2e/phone.spec.ts allows it where it is the subject.
		serviceWorkers: 'block',
		trace: 'retain-on-failure',
		launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs }
	},
	webServer: {
		// A clean test database first (the app migrates it on start): nothing left by the
		// integration tests, such as their pipeline jobs, runs during this suite. It serves the
		// test build (`./stoom test` makes it), whose whiteboard answers `window.__stoomBoard()`.
		command: 'node scripts/reset-test-db.js && node scripts/serve.js',
		url: `http://127.0.0.1:${port}/api/health`,
		// Every browser here comes from 127.0.0.1, so the per-address limits on creating and
		// joining meetings are raised for the suite (their own tests are in tests/integration).
		// Private webhook targets are allowed so the item-webhook spec's receiver can listen on loopback.
		env: { STOOM_BUILD: 'build-test', PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT_CREATE_ROOM: '1000/600', RATE_LIMIT_JOIN: '1000/60', ITEM_WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' },
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'pipe'
	}
});
