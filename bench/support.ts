import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config.ts';

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
}

/** Every peer connection the context's pages make, as `window.__pcs`, for the benches that read their statistics. */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const Native = window.RTCPeerConnection;
		window.RTCPeerConnection = class extends Native {
			constructor(config?: RTCConfiguration) {
				super(config);
				((window as unknown as { __pcs: RTCPeerConnection[] }).__pcs ??= []).push(this);
			}
		};
	});
}

/**
 * New meetings ask to join; the benches that time a direct join open the meeting as its
 * host first (the People panel's "Ask to join" switch), from the host's page just created.
 */
export async function openMeeting(page: Page): Promise<void> {
	const url = new URL(page.url());
	const code = url.pathname.slice(1);
	const response = await page.request.post(`${url.origin}/api/rooms/${code}/access`, { data: { askToJoin: false }, headers: { origin: url.origin } });
	if (!response.ok()) throw new Error(`opening ${code}: ${response.status()} ${await response.text()}`);
}

/**
 * A browser participant: opens `code` (or starts a new meeting when none is given), waits for
 * the hydrated pre-join screen, and joins as `name`.
 */
export async function joinInBrowser(
	browser: Browser,
	baseURL: string,
	name: string,
	options: { code?: string; cameraOff?: boolean; askToJoin?: boolean } = {}
): Promise<{ page: Page; code: string }> {
	const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'] });
	const page = await context.newPage();
	if (options.code) await page.goto(`/${options.code}`);
	else {
		await page.goto('/');
		await page.getByTestId('new-meeting').click();
		await page.waitForURL(/\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
		if (!options.askToJoin) await openMeeting(page);
	}
	await page.getByTestId('preview-video').waitFor();
	if (options.cameraOff) await page.getByTestId('prejoin-camera').click();
	await page.getByTestId('display-name').fill(name);
	await page.getByTestId('join-meeting').click();
	await page.getByTestId('toggle-mic').and(page.locator(':enabled')).waitFor();
	return { page, code: options.code ?? new URL(page.url()).pathname.slice(1) };
}

/**
 * Clicks the page's join button and resolves with the ms until the first remote video frame
 * is presented (timed inside the page: no round trips to the test runner in the figure).
 */
export async function clickToFirstRemoteFrame(page: Page, selectors: { joinButton: string; remoteVideo: string }): Promise<number> {
	const frame = firstRemoteFrameAt(page, selectors.remoteVideo);
	const clicked = await clickAt(page, selectors.joinButton);
	return (await frame) - clicked;
}

/** Clicks `selector` from inside the page; answers when, on the wall clock every page of this machine shares. */
export async function clickAt(page: Page, selector: string): Promise<number> {
	return page.evaluate((target) => {
		const at = performance.timeOrigin + performance.now();
		document.querySelector<HTMLElement>(target)!.click();
		return at;
	}, selector);
}

/** When (wall clock, as clickAt) the page presents the first frame of the video `remoteVideo` selects, once it appears. */
export function firstRemoteFrameAt(page: Page, remoteVideo: string): Promise<number> {
	return page.evaluate(
		(selector) =>
			new Promise<number>((resolve, reject) => {
				const deadline = setTimeout(() => reject(new Error('no remote frame within 30 s')), 30_000);
				const poll = setInterval(() => {
					const video = document.querySelector<HTMLVideoElement>(selector);
					if (!video) return;
					clearInterval(poll);
					video.requestVideoFrameCallback(() => {
						clearTimeout(deadline);
						resolve(performance.timeOrigin + performance.now());
					});
				}, 5);
			}),
		remoteVideo
	);
}

/**
 * Serves the test build (build-test/, made by `./stoom test` or `STOOM_TEST_HOOKS=1 vite build`)
 * on `port` with the running stack, for the benches that read its hooks (test-hooks.ts).
 * `build` may name a copy of it, which a browser test rebuilding build-test meanwhile leaves
 * alone. Answers its URL and a stop function.
 */
export async function serveTestBuild(port = Number(process.env.BENCH_TEST_PORT ?? 3216), build = 'build-test'): Promise<{ url: string; stop: () => void }> {
	if (!existsSync(`${build}/handler.js`)) throw new Error('no test build: run `STOOM_TEST_HOOKS=1 npx vite build` (or ./stoom test) first');
	const app = spawn(process.execPath, ['scripts/serve.js'], { env: { ...process.env, STOOM_BUILD: build, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
	const url = `http://localhost:${port}`;
	for (let tries = 0; ; tries++) {
		if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, stop: () => app.kill() };
		if (app.exitCode !== null || tries > 300) throw new Error(`the test build did not start on port ${port}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
