// Lighthouse on Stoom's home and pre-join pages beside LiveKit Meet's (its home and its
// `/rooms/<name>` pre-join), on the same machine and livekit-server: accessibility, best
// practices, performance and SEO, desktop preset (LH_PRESET=mobile: Lighthouse's default, a
// phone's screen with simulated slow 4G and a 4× slower CPU), the median of `runs` runs per page, and
// every accessibility, best-practices and SEO audit that fails in any run.
//
// Each run launches Debian's Chromium headless (chrome-launcher, with the fake camera and
// microphone of playwright.config.ts) and hands Lighthouse its debugging port; Lighthouse
// resets the origin's storage first, so Stoom's pre-join is a guest's, never the host's.
// Nothing is fetched from the internet: the pages are local, and the full-page screenshot is
// off. Stoom's meeting is made by a Playwright browser on its home page; Meet's pre-join needs
// no room yet. Meet itself is started from MEET_DIR (its production build) as join-vs-meet.ts does.
// Run: MEET_DIR=/work/meet [LH_PRESET=mobile] node bench/lighthouse.ts [runs=3]   (LIVEKIT_* from load_env)
//      → prints a table, writes bench/results/lighthouse[-mobile].json
import { mkdirSync, writeFileSync } from 'node:fs';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { chromiumArgs } from '../playwright.config.ts';
import { sideSupport } from './meet-sides.ts';
import { launchChromium } from './support.ts';

const runs = Number(process.argv[2] ?? 3);
const preset = process.env.LH_PRESET === 'mobile' ? 'mobile' : 'desktop';
const stoomURL = process.env.BENCH_URL ?? `http://localhost:${process.env.APP_PORT ?? 3000}`;
const meetPort = Number(process.env.MEET_PORT ?? 3200);
const meetURL = `http://localhost:${meetPort}`;
const { startMeet, meetDir } = await sideSupport(stoomURL, meetURL, meetPort);
const categories = ['accessibility', 'best-practices', 'performance', 'seo'] as const;
/** The categories whose failing audits are listed: the goals' two, and SEO for information. */
const listed = ['accessibility', 'best-practices', 'seo'];

interface Failure {
	id: string;
	title: string;
	category: string;
	/** The audit's weight in its category's score (0: reported, not scored). */
	weight: number;
	runs: number;
	/** What the audit points at (selectors, URLs, messages) in the last run that failed it. */
	items: string[];
}

/** A newly made Stoom meeting's code: the home page's New meeting button in a throwaway browser. */
async function stoomMeeting(): Promise<string> {
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ baseURL: stoomURL });
		await page.goto('/');
		await page.getByTestId('new-meeting').click();
		await page.waitForURL(/\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
		return new URL(page.url()).pathname.slice(1);
	} finally {
		await browser.close();
	}
}

async function audit(url: string): Promise<Result> {
	const chrome = await launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', ...chromiumArgs] });
	try {
		const result = await lighthouse(
			url,
			{ port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories], disableFullPageScreenshot: true, maxWaitForLoad: 30_000 },
			preset === 'desktop' ? desktopConfig : undefined
		);
		if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
		if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
		return result.lhr;
	} finally {
		chrome.kill();
	}
}

/** What a failing audit's details point at, briefly. */
function itemsOf(details: unknown): string[] {
	const items = (details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
	return items.slice(0, 8).map((item) => {
		const node = item.node as { selector?: string; snippet?: string; explanation?: string } | undefined;
		if (node?.selector) return [node.selector, node.snippet, node.explanation?.split('\n')[1]?.trim()].filter(Boolean).join(' ');
		for (const key of ['description', 'scriptUrl', 'url', 'source', 'directive', 'value', 'name']) {
			const value = item[key];
			if (typeof value === 'string' && value) return value;
			if (value && typeof value === 'object' && 'url' in value) return String((value as { url: string }).url);
		}
		return JSON.stringify(item).slice(0, 160);
	});
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function measure(app: string, page: string, url: string) {
	const scores: Record<string, number[]> = Object.fromEntries(categories.map((c) => [c, []]));
	const failures = new Map<string, Failure>();
	for (let run = 0; run < runs; run++) {
		const lhr = await audit(url);
		for (const category of categories) scores[category].push(Math.round((lhr.categories[category]?.score ?? 0) * 100));
		for (const category of listed) {
			for (const ref of lhr.categories[category].auditRefs) {
				const result = lhr.audits[ref.id];
				if (result.score === null || result.score >= 1 || result.scoreDisplayMode === 'informative') continue;
				const failure = failures.get(ref.id) ?? { id: ref.id, title: result.title, category, weight: ref.weight, runs: 0, items: [] };
				failure.runs++;
				failure.items = itemsOf(result.details);
				failures.set(ref.id, failure);
			}
		}
		console.error(`${app} ${page} run ${run + 1}: ${categories.map((c) => `${c} ${scores[c].at(-1)}`).join(', ')}`);
	}
	const medians = Object.fromEntries(categories.map((c) => [c, median(scores[c])]));
	return { app, page, url, scores, medians, failures: [...failures.values()] };
}

const meet = await startMeet(meetDir);
try {
	const code = await stoomMeeting();
	const room = `bench-${Date.now().toString(36)}`;
	const pages = [
		['stoom', 'home', `${stoomURL}/`],
		['stoom', 'pre-join', `${stoomURL}/${code}`],
		['meet', 'home', `${meetURL}/`],
		['meet', 'pre-join', `${meetURL}/rooms/${room}`]
	] as const;
	const results = [];
	for (const [app, page, url] of pages) results.push(await measure(app, page, url));

	console.log(`Lighthouse ${runs} runs each, ${preset} preset, median score`);
	console.log(['app', 'page', ...categories].map((h) => h.padEnd(15)).join(''));
	for (const r of results) console.log([r.app, r.page, ...categories.map((c) => String(r.medians[c]))].map((v) => v.padEnd(15)).join(''));
	for (const r of results.filter((r) => r.app === 'stoom')) {
		console.log(`\nStoom ${r.page}: failing audits (${listed.join(', ')})${r.failures.length ? '' : ': none'}`);
		for (const f of r.failures) console.log(`  ${f.category} ${f.id} (weight ${f.weight}, ${f.runs}/${runs} runs): ${f.title}\n    ${f.items.join('\n    ')}`);
	}
	mkdirSync('bench/results', { recursive: true });
	writeFileSync(`bench/results/lighthouse${preset === 'mobile' ? '-mobile' : ''}.json`, JSON.stringify({ date: new Date().toISOString(), runs, preset, results }, null, 2));
} finally {
	meet.kill();
}
