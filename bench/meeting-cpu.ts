// Browser CPU of a 4-person meeting, Stoom against LiveKit Meet on the same livekit-server:
// a host and two others (fake camera and microphone) in one Chromium, the guest in a Chromium
// of its own; once the guest sees the three others, the CPU time of the guest's renderer
// process(es) over 60 s (Chromium's SystemInfo.getProcessInfo), as a share of one core.
// Rounds alternate the two apps. Setup as bench/join-vs-meet.ts (MEET_DIR, `./stoom up` with
// the per-address limits raised, LIVEKIT_* from `source scripts/lib.sh && load_env`).
// Run: MEET_DIR=/work/meet node bench/meeting-cpu.ts [rounds=2] [seconds=60]
//      → prints both, writes bench/results/meeting-cpu.json
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { sideSupport, type Side } from './meet-sides.ts';
import { launchChromium } from './support.ts';

const rounds = Number(process.argv[2] ?? 2);
const seconds = Number(process.argv[3] ?? 60);
const stoomURL = process.env.BENCH_URL ?? `http://localhost:${process.env.APP_PORT ?? 3000}`;
const meetPort = Number(process.env.MEET_PORT ?? 3200);
const { stoom, meet, newPage, joinAs, startMeet, meetDir } = await sideSupport(stoomURL, `http://localhost:${meetPort}`, meetPort);

/** CPU seconds of the browser's renderer processes so far. */
async function rendererCpu(browser: Browser): Promise<number> {
	const session = await browser.newBrowserCDPSession();
	const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
	await session.detach();
	return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

/** One 4-person meeting; the guest renderer's CPU over `seconds`, in cores. */
async function round(side: Side): Promise<number> {
	const others = await launchChromium();
	const guestBrowser = await launchChromium();
	try {
		const host = await side.host(others);
		for (const name of ['Ada', 'Bo']) {
			const page = await newPage(others, side.baseURL);
			await page.goto(host.path);
			await joinAs(page, side, name);
		}
		const guest = await newPage(guestBrowser, side.baseURL);
		await guest.goto(host.path);
		await joinAs(guest, side, 'Guest');
		await guest.waitForFunction((selector) => document.querySelectorAll(selector).length >= 3, side.remoteVideo, { timeout: 60_000 });
		await guest.waitForTimeout(5_000); // layout, simulcast layers and bitrates settle
		const before = await rendererCpu(guestBrowser);
		await guest.waitForTimeout(seconds * 1000);
		const cores = ((await rendererCpu(guestBrowser)) - before) / seconds;
		await host.cleanup();
		return cores;
	} finally {
		await guestBrowser.close();
		await others.close();
	}
}

const meetServer = await startMeet(meetDir);
try {
	const samples: Record<Side['name'], number[]> = { stoom: [], meet: [] };
	for (let i = 0; i < rounds; i++) {
		for (const side of i % 2 ? [meet, stoom] : [stoom, meet]) {
			samples[side.name].push(await round(side));
			console.log(`round ${i + 1}/${rounds} ${side.name}: guest renderer ${(samples[side.name].at(-1)! * 100).toFixed(1)} % of a core`);
		}
	}
	const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
	const result = {
		benchmark: 'meeting-cpu',
		date: new Date().toISOString(),
		rounds,
		seconds,
		guestRendererCores: { stoom: samples.stoom, meet: samples.meet },
		mean: { stoom: +mean(samples.stoom).toFixed(3), meet: +mean(samples.meet).toFixed(3) },
		ratio: +(mean(samples.stoom) / mean(samples.meet)).toFixed(2)
	};
	console.log(`guest renderer, mean of ${rounds}: stoom ${(result.mean.stoom * 100).toFixed(1)} %, meet ${(result.mean.meet * 100).toFixed(1)} % of a core (ratio ${result.ratio})`);
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/meeting-cpu.json', JSON.stringify(result, null, 2));
} finally {
	meetServer.kill();
}
