// Screen-share takeover benchmark: two presenters take the screen from each other in turn
// while an observer watches. Per takeover: click "Present" → the previous presenter's share is
// gone on their side, and → the observer's stage shows a frame of the new presenter's screen.
// Needs `./stoom up`. Run: node bench/screen-share-takeover.ts [takeovers=20]
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { joinInBrowser, launchChromium } from './support.ts';

const takeovers = Number(process.argv[2] ?? 20);
const baseURL = `http://localhost:${process.env.APP_PORT ?? 3000}`;
const browser = await launchChromium();

// Cameras off: keep the machine's load on the screen shares being measured.
const person = async (name: string, code?: string) => {
	const joined = await joinInBrowser(browser, baseURL, name, { code, cameraOff: true });
	await joined.page.getByTestId('toggle-screen-share').and(joined.page.locator(':enabled')).waitFor();
	return joined;
};

/** Resolves with Date.now() once `page` no longer shares its screen. */
const shareGone = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const poll = setInterval(() => {
					if (document.querySelector('[data-testid="toggle-screen-share"]')?.getAttribute('aria-pressed') === 'false') {
						clearInterval(poll);
						resolve(Date.now());
					}
				}, 5);
			})
	);

/** Resolves with Date.now() when the observer's stage renders a frame presented by `name`. */
const frameFrom = (page: Page, name: string) =>
	page.evaluate(
		(name) =>
			new Promise<number>((resolve) => {
				const poll = setInterval(() => {
					const presenter = document.querySelector('[data-testid="presenter-name"]')?.textContent;
					const video = document.querySelector<HTMLVideoElement>('[data-testid="screen-share-video"]');
					if (presenter !== name || !video) return;
					clearInterval(poll);
					video.requestVideoFrameCallback(() => resolve(Date.now()));
				}, 5);
			}),
		name
	);

const ann = await person('Ann');
const ben = await person('Ben', ann.code);
const obs = await person('Oscar', ann.code);
await ann.page.getByTestId('toggle-screen-share').click();
await frameFrom(obs.page, 'Ann');

const gone: number[] = [];
const visible: number[] = [];
let [holder, taker] = [ann, ben];
let names = ['Ann', 'Ben'];
for (let i = 0; i < takeovers; i++) {
	const goneAt = shareGone(holder.page);
	const visibleAt = frameFrom(obs.page, names[1]!);
	const t0 = Date.now();
	await taker.page.getByTestId('toggle-screen-share').click();
	gone.push((await goneAt) - t0);
	visible.push((await visibleAt) - t0);
	process.stdout.write(`takeover ${i + 1}: old gone ${gone.at(-1)} ms, new visible ${visible.at(-1)} ms\n`);
	[holder, taker] = [taker, holder];
	names = [names[1]!, names[0]!];
	await new Promise((r) => setTimeout(r, 500));
}

const stats = (xs: number[]) => {
	const s = [...xs].sort((x, y) => x - y);
	const p = (q: number) => s[Math.max(0, Math.ceil((q / 100) * s.length) - 1)]!;
	return { p50: p(50), p95: p(95), max: s.at(-1)! };
};
const result = {
	benchmark: 'screen-share-takeover',
	date: new Date().toISOString(),
	takeovers,
	oldShareGoneMs: stats(gone),
	newShareVisibleMs: stats(visible),
	samples: { gone, visible }
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/screen-share-takeover.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`takeover → old share gone: p50 ${result.oldShareGoneMs.p50} ms, p95 ${result.oldShareGoneMs.p95} ms`);
console.log(`takeover → new share visible to others: p50 ${result.newShareVisibleMs.p50} ms, p95 ${result.newShareVisibleMs.p95} ms (${takeovers} takeovers)`);
console.log('written: bench/results/screen-share-takeover.json');
await browser.close();
process.exit(0);
