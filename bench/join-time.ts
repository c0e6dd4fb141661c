// Join-time benchmark: from clicking "Join now" to the first remote video frame rendered,
// for a second participant joining a host who is already in the meeting; plus the gzipped
// JavaScript the meeting route loads. Needs the stack: `./stoom up` first.
// Run: node bench/join-time.ts [runs=20]   → prints figures, writes bench/results/join-time.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { clickToFirstRemoteFrame, launchChromium, openMeeting } from './support.ts';

const runs = Number(process.argv[2] ?? 20);
const baseURL = process.env.BENCH_URL ?? `http://localhost:${process.env.APP_PORT ?? 3000}`;

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'] });
	return context.newPage();
}

async function hostMeeting(browser: Browser): Promise<{ host: Page; code: string }> {
	const host = await newPage(browser);
	await host.goto('/');
	await host.getByTestId('new-meeting').click();
	await host.waitForURL(/\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
	await openMeeting(host);
	await host.getByTestId('preview-video').waitFor();
	await host.getByTestId('display-name').fill('Host');
	await host.getByTestId('join-meeting').click();
	await host.getByTestId('toggle-mic').and(host.locator(':enabled')).waitFor();
	return { host, code: new URL(host.url()).pathname.slice(1) };
}

/** Milliseconds from the Join click to the first frame of the host's video on the guest's screen. */
async function timeJoin(guest: Page, code: string): Promise<number> {
	await guest.goto(`/${code}`);
	// The camera preview appears once the page is hydrated and the devices are open.
	await guest.getByTestId('preview-video').waitFor();
	await guest.getByTestId('display-name').fill('Guest');
	return clickToFirstRemoteFrame(guest, { joinButton: '[data-testid="join-meeting"]', remoteVideo: '[data-testid="tile"][data-local="false"] video' });
}

/** Sum of gzip -9 sizes of every script the meeting route loads (pre-join and in the call). */
async function meetingRouteJs(browser: Browser): Promise<{ files: number; gzipBytes: number; rawBytes: number }> {
	const { host, code } = await hostMeeting(browser);
	const guest = await newPage(browser);
	const bodies = new Map<string, Buffer>();
	guest.on('response', async (response) => {
		if (response.request().resourceType() === 'script' || response.url().endsWith('.js')) {
			bodies.set(response.url(), await response.body().catch(() => Buffer.alloc(0)));
		}
	});
	await guest.goto(`/${code}`);
	await guest.getByTestId('display-name').fill('Guest');
	await guest.getByTestId('join-meeting').click();
	await guest.locator('[data-testid="tile"][data-local="false"] video').waitFor();
	await guest.waitForLoadState('networkidle');
	await host.context().close();
	await guest.context().close();
	let gzipBytes = 0;
	let rawBytes = 0;
	for (const body of bodies.values()) {
		rawBytes += body.length;
		gzipBytes += gzipSync(body, { level: 9 }).length;
	}
	return { files: bodies.size, gzipBytes, rawBytes };
}

function percentile(sorted: number[], p: number): number {
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)]!;
}

const browser = await launchChromium();
try {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const { host, code } = await hostMeeting(browser);
		const guest = await newPage(browser);
		samples.push(await timeJoin(guest, code));
		await guest.context().close();
		await host.context().close();
		process.stdout.write(`run ${i + 1}/${runs}: ${samples.at(-1)!.toFixed(0)} ms\n`);
	}
	const sorted = [...samples].sort((a, b) => a - b);
	const js = await meetingRouteJs(browser);
	const result = {
		benchmark: 'join-time',
		date: new Date().toISOString(),
		runs,
		joinToFirstRemoteFrameMs: {
			p50: Math.round(percentile(sorted, 50)),
			p95: Math.round(percentile(sorted, 95)),
			min: Math.round(sorted[0]!),
			max: Math.round(sorted.at(-1)!),
			samples: samples.map(Math.round)
		},
		meetingRouteJavaScript: { files: js.files, gzipKiB: +(js.gzipBytes / 1024).toFixed(1), rawKiB: +(js.rawBytes / 1024).toFixed(1) }
	};
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/join-time.json', `${JSON.stringify(result, null, 2)}\n`);
	console.log(`join → first remote frame: p50 ${result.joinToFirstRemoteFrameMs.p50} ms, p95 ${result.joinToFirstRemoteFrameMs.p95} ms (${runs} runs)`);
	console.log(`meeting route JavaScript: ${result.meetingRouteJavaScript.gzipKiB} KiB gzipped (${js.files} files, ${result.meetingRouteJavaScript.rawKiB} KiB raw)`);
	console.log('written: bench/results/join-time.json');
} finally {
	await browser.close();
}
