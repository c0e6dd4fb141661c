import { expect, test, type Browser, type Page } from '@playwright/test';
import { createMeeting, joinAs, openWithCode, tileOf } from './support';

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };

/** A touch device of this size; its service worker allowed (the suite blocks it elsewhere). */
async function touchDevice(browser: Browser, viewport: { width: number; height: number }) {
	const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 2, serviceWorkers: 'allow' });
	return { context, page: await context.newPage() };
}

/** The dock is shown, ends at the bottom of the screen, and its essential controls are in the lowest quarter (thumb reach). */
async function expectDockAtBottom(page: Page, viewport: { height: number }) {
	const dock = page.getByTestId('dock');
	await expect(dock).toBeVisible();
	const box = (await dock.boundingBox())!;
	expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
	expect(box.y + box.height).toBeGreaterThan(viewport.height - 40);
	for (const control of ['toggle-mic', 'toggle-camera', 'toggle-hand', 'toggle-chat', 'leave']) {
		const button = (await page.getByTestId(control).boundingBox())!;
		expect(button.y, control).toBeGreaterThan(viewport.height * 0.75);
	}
}

/** Stands in for the Wake Lock API (headless Chromium refuses it) and logs what the page asks of it. */
function recordWakeLock() {
	const log: string[] = ((window as any).__wakeLock = []);
	const request = async (type: string) => {
		log.push(`request ${type}`);
		const sentinel = Object.assign(new EventTarget(), { type, released: false, release: async () => {} });
		sentinel.release = async () => {
			if (!sentinel.released) log.push('release');
			sentinel.released = true;
		};
		return sentinel;
	};
	Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request } });
}
const wakeLockLog = (page: Page) => page.evaluate(() => (window as any).__wakeLock as string[]);

test('a two-person meeting on a phone (390×844) and a tablet (768×1024) with touch: the dock, chat as a sheet, a raised hand, the wake lock; installable with a shell-only cache', async ({ browser }) => {
	const started = Date.now();
	const host = await touchDevice(browser, PHONE);
	const guest = await touchDevice(browser, TABLET);
	await host.context.addInitScript(recordWakeLock);

	// Installable: the manifest is linked and served with its icons, and the service worker runs.
	await guest.page.goto('/');
	await expect(guest.page.locator('link[rel="manifest"]')).toHaveAttribute('href', /\/manifest\.webmanifest$/);
	await expect(guest.page.locator('meta[name="theme-color"]')).toHaveAttribute('content', /^#/);
	const manifest = await (await guest.page.request.get('/manifest.webmanifest')).json();
	expect(manifest).toMatchObject({ short_name: 'Stoom', start_url: '/', display: 'standalone' });
	expect(manifest.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
	for (const icon of manifest.icons) {
		const response = await guest.page.request.get(icon.src);
		expect(response.headers()['content-type'], icon.src).toBe('image/png');
	}
	const worker = await guest.page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
	expect(worker).toMatch(/\/service-worker\.js$/);

	const code = await createMeeting(host.page);
	await joinAs(host.page, 'Hana Host');
	await openWithCode(guest.page, code);
	await joinAs(guest.page, 'Gus Guest');
	await expect(tileOf(host.page, 'Gus Guest')).toBeVisible();
	await expect(tileOf(guest.page, 'Hana Host')).toBeVisible();
	// The screen is kept on during the call.
	expect(await wakeLockLog(host.page)).toEqual(['request screen']);

	// The phone's dock is compact: its secondary controls wait behind "More"; the tablet's is full.
	await expect(host.page.getByTestId('dock')).toHaveAttribute('data-mode', 'compact');
	await expect(guest.page.getByTestId('dock')).toHaveAttribute('data-mode', 'full');
	await expectDockAtBottom(host.page, PHONE);
	await expectDockAtBottom(guest.page, TABLET);
	await expect(host.page.getByTestId('toggle-people')).toBeHidden();
	await host.page.getByTestId('dock-more').tap();
	await expect(host.page.getByTestId('toggle-people')).toBeVisible();
	await host.page.getByTestId('dock-more').tap();
	await expect(host.page.getByTestId('toggle-people')).toBeHidden();

	// Chat on the phone is a bottom sheet the width of the screen; on the tablet a side column.
	await host.page.getByTestId('toggle-chat').tap();
	const sheet = host.page.getByTestId('side-panel');
	await expect(sheet).toHaveAttribute('data-mode', 'sheet');
	const sheetBox = (await sheet.boundingBox())!;
	expect(sheetBox.width).toBe(PHONE.width);
	expect(sheetBox.y + sheetBox.height).toBe(PHONE.height);
	await host.page.getByTestId('chat-input').fill('Hello from the phone');
	await host.page.getByTestId('chat-send').tap();
	await expect(host.page.getByTestId('chat-text')).toHaveText(['Hello from the phone']);
	await guest.page.getByTestId('toggle-chat').tap();
	await expect(guest.page.getByTestId('side-panel')).toHaveAttribute('data-mode', 'side');
	await expect(guest.page.getByTestId('chat-text')).toHaveText(['Hello from the phone']);
	await host.page.getByTestId('close-side-panel').tap();
	await expect(sheet).toBeHidden();
	await expectDockAtBottom(host.page, PHONE);

	await host.page.getByTestId('toggle-hand').tap();
	await expect(host.page.getByTestId('toggle-hand')).toHaveAttribute('aria-pressed', 'true');
	await expect(tileOf(guest.page, 'Hana Host').getByTestId('tile-hand-position')).toHaveText('1');

	// The worker kept the shell (the offline page, the scripts it served) and none of the API's answers.
	const cached = await guest.page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname));
		return urls;
	});
	expect(cached).toContain('/offline.html');
	expect(cached.some((path) => /^\/_app\/immutable\/.+\.js$/.test(path))).toBe(true);
	expect(cached.filter((path) => path.startsWith('/api/'))).toEqual([]);

	await host.page.getByTestId('leave').tap();
	await expect(host.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'left');
	expect(await wakeLockLog(host.page)).toEqual(['request screen', 'release']);
	await expect(tileOf(guest.page, 'Hana Host')).toBeHidden();
	console.log(`phone walk: ${((Date.now() - started) / 1000).toFixed(1)} s`);
	await host.context.close();
	await guest.context.close();
});
