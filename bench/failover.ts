// Failover benchmark on the cluster (scripts/cluster.sh): how long a meeting hurts when one
// process dies.
//  1. Media node: two browsers in a meeting; the livekit-server node hosting the room is
//     killed (kill -9, with its supervisor: the machine is gone); time from the kill until
//     both browsers decode remote video again. Repeated `kills` times (the killed node is
//     started again between rounds, and rooms land on either node).
//  2. App process: requests every 50 ms through nginx while one app process is killed:
//     failed requests and the slowest answer.
// Needs a running cluster: `./stoom up --cluster` (profile dev, the app on APP_PORT) or
// `bash scripts/cluster.sh start test` with BENCH_CLUSTER=test (the app on 3400).
// Run: node bench/failover.ts [kills=8]   → prints figures, writes bench/results/failover.json
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { type Browser, type Page } from '@playwright/test';
import { launchChromium, openMeeting, recordPeerConnections } from './support.ts';

const kills = Number(process.argv[2] ?? 8);
const profile = process.env.BENCH_CLUSTER ?? 'dev';
const baseURL = profile === 'test' ? 'http://localhost:3400' : `http://localhost:${process.env.APP_PORT ?? 3000}`;

function cluster(...args: string[]): string {
	return execFileSync('bash', ['scripts/cluster.sh', ...args, profile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** A participant whose page records its peer connections (window.__pcs, recordPeerConnections). */
async function join(browser: Browser, name: string, code?: string): Promise<{ page: Page; code: string }> {
	const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'] });
	await recordPeerConnections(context);
	const page = await context.newPage();
	if (code) await page.goto(`/${code}`);
	else {
		await page.goto('/');
		await page.getByTestId('new-meeting').click();
		await page.waitForURL(/\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
		await openMeeting(page);
	}
	await page.getByTestId('preview-video').waitFor();
	await page.getByTestId('display-name').fill(name);
	await page.getByTestId('join-meeting').click();
	await page.getByTestId('toggle-mic').and(page.locator(':enabled')).waitFor();
	return { page, code: code ?? new URL(page.url()).pathname.slice(1) };
}

const pcCount = (page: Page) => page.evaluate(() => ((window as any).__pcs ?? []).length as number);

/** Video frames decoded on connections made after the first `since`. */
const framesSince = (page: Page, since: number) =>
	page.evaluate(async (since) => {
		let frames = 0;
		for (const pc of (((window as any).__pcs ?? []) as RTCPeerConnection[]).slice(since)) {
			if (pc.connectionState === 'closed') continue;
			(await pc.getStats()).forEach((r: any) => r.type === 'inbound-rtp' && r.kind === 'video' && (frames += r.framesDecoded ?? 0));
		}
		return frames;
	}, since);

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (await check()) return Date.now();
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`not within ${timeoutMs} ms`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

async function mediaNodeRound(browser: Browser): Promise<{ node: string; outageMs: number }> {
	const a = await join(browser, 'Ada');
	const b = await join(browser, 'Bo', a.code);
	await until(async () => (await framesSince(a.page, 0)) > 10 && (await framesSince(b.page, 0)) > 10, 30_000);
	const node = cluster('node-of', a.code);
	const since = await Promise.all([pcCount(a.page), pcCount(b.page)]);
	const killedAt = Date.now();
	cluster('kill', node);
	const back = await Promise.all([a.page, b.page].map((page, i) => until(async () => (await framesSince(page, since[i]!)) > 0, 60_000)));
	const outageMs = Math.max(...back) - killedAt;
	await a.page.context().close();
	await b.page.context().close();
	cluster('start');
	await sleep(6_000); // the restarted node reports its stats: both nodes take rooms again
	return { node, outageMs };
}

async function appProcessRound(): Promise<{ requests: number; failed: number; slowestMs: number }> {
	let requests = 0;
	let failed = 0;
	let slowestMs = 0;
	const end = Date.now() + 6_000;
	setTimeout(() => cluster('kill', 'app-1'), 1_000);
	while (Date.now() < end) {
		const started = Date.now();
		requests++;
		const ok = await fetch(`${baseURL}/api/health`).then((r) => r.ok).catch(() => false);
		if (!ok) failed++;
		slowestMs = Math.max(slowestMs, Date.now() - started);
		await sleep(50);
	}
	cluster('start');
	return { requests, failed, slowestMs };
}

const browser = await launchChromium();
const rounds: { node: string; outageMs: number }[] = [];
for (let i = 0; i < kills; i++) {
	const round = await mediaNodeRound(browser);
	rounds.push(round);
	console.log(`kill ${i + 1}/${kills}: ${round.node} → remote video again after ${round.outageMs} ms`);
}
await browser.close();
const app = await appProcessRound();

const outages = rounds.map((r) => r.outageMs);
const result = {
	date: new Date().toISOString(),
	profile,
	mediaNode: { kills, p50Ms: percentile(outages, 50), p95Ms: percentile(outages, 95), maxMs: Math.max(...outages), rounds },
	appProcess: app
};
console.log(`media node killed: remote video again p50 ${result.mediaNode.p50Ms} ms, p95 ${result.mediaNode.p95Ms} ms (max ${result.mediaNode.maxMs}, ${kills} kills)`);
console.log(`app process killed: ${app.failed} of ${app.requests} requests failed, slowest ${app.slowestMs} ms`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/failover.json', JSON.stringify(result, null, 2));
