// Raise hand → seen by the others: three browsers in a meeting; A raises and lowers its hand in
// turn, B and C note when A's tile shows (or stops showing) the hand. Times are the machine's wall
// clock, shared by every page: A's click inside the page to the change in B's and C's page.
// Needs the app up (README, bench/RESULTS.md).
// Run: node bench/raise-hand.ts [changes=28]   → bench/results/raise-hand.json
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { clickAt, joinInBrowser, launchChromium } from './support.ts';

const changes = Number(process.argv[2] ?? 28);
const baseURL = process.env.STOOM_URL ?? `http://localhost:${process.env.APP_PORT ?? 3000}`;
// Under the server's allowance of 30 hand changes a minute per participant.
const GAP_MS = 2100;

const browser = await launchChromium();
const a = await joinInBrowser(browser, baseURL, 'Ann Raiser');
const observers = await Promise.all(['Ben', 'Cai'].map((name) => joinInBrowser(browser, baseURL, name, { code: a.code })));
// Muted: the fake microphone's tone would count as speech and lower the hand by itself.
for (const { page } of [a, ...observers]) await page.getByTestId('toggle-mic').click();
const identity = await a.page.evaluate(() => document.querySelector('[data-testid="tile"][data-local="true"]')!.getAttribute('data-identity')!);

/** Notes, by the wall clock, every time A's tile gains or loses its raised hand. */
async function watch(page: Page): Promise<void> {
	await page.waitForSelector(`[data-testid="tile"][data-identity="${identity}"]`);
	await page.evaluate((id) => {
		const changes: { raised: boolean; at: number }[] = [];
		(window as unknown as { __hand: typeof changes }).__hand = changes;
		let last = false;
		new MutationObserver(() => {
			const raised = document.querySelector(`[data-testid="tile"][data-identity="${id}"]`)?.hasAttribute('data-hand') ?? false;
			if (raised !== last) changes.push({ raised, at: performance.timeOrigin + performance.now() });
			last = raised;
		}).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-hand'] });
	}, identity);
}
for (const { page } of observers) await watch(page);

const clicks: { raised: boolean; at: number }[] = [];
for (let i = 0; i < changes; i++) {
	clicks.push({ raised: i % 2 === 0, at: await clickAt(a.page, '[data-testid="toggle-hand"]') });
	await new Promise((r) => setTimeout(r, GAP_MS));
}
await new Promise((r) => setTimeout(r, 2000));

const seen = await Promise.all(observers.map(({ page }) => page.evaluate(() => (window as unknown as { __hand: { raised: boolean; at: number }[] }).__hand)));
// The i-th change each observer saw answers the i-th click (a change the server refused would show as missing).
const delays = seen.flatMap((changesSeen) => clicks.flatMap((click, i) => (changesSeen[i]?.raised === click.raised ? [changesSeen[i]!.at - click.at] : [])));
const stats = (xs: number[]) => {
	const s = [...xs].sort((x, y) => x - y);
	const p = (q: number) => Math.round(s[Math.max(0, Math.ceil((q / 100) * s.length) - 1)] ?? NaN);
	return { count: s.length, p50: p(50), p95: p(95), max: Math.round(s.at(-1) ?? NaN) };
};
const result = {
	benchmark: 'raise-hand',
	date: new Date().toISOString(),
	participants: 3,
	changes,
	clickToSeenByOthersMs: stats(delays),
	missed: changes * observers.length - delays.length
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/raise-hand.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`raise or lower hand → seen on the others' screens (${delays.length} of ${changes * observers.length}): p50 ${result.clickToSeenByOthersMs.p50} ms, p95 ${result.clickToSeenByOthersMs.p95} ms, max ${result.clickToSeenByOthersMs.max} ms; missed ${result.missed}`);
console.log('written: bench/results/raise-hand.json');
await browser.close();
process.exit(0);
