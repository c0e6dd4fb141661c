// Stoom against LiveKit Meet, side by side on the same livekit-server: from clicking the join
// button to the first remote video frame (a guest joining a host who is already in the call),
// interleaved run by run after a warm-up of each; and the gzipped JavaScript each loads
// before its pre-join camera preview shows, and for the whole route up to the call.
//
// Meet is a production build of livekit-examples/meet outside this repository (MEET_DIR:
// `npm install --legacy-peer-deps && npx next build` there); the bench starts it with
// `next start` on MEET_PORT and creates each of its rooms through the server API (Stoom's
// livekit-server does not create rooms on join). Stoom runs at BENCH_URL (`./stoom up`, with
// the per-address limits raised). LIVEKIT_* come from the environment (scripts/lib.sh load_env).
// BENCH_DWELL_MS: how long the guest stays on the pre-join screen after typing (0: clicks at once).
// Run: MEET_DIR=/work/meet node bench/join-vs-meet.ts [runs=15]
//      → prints both distributions and the ratios, writes bench/results/join-vs-meet.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { dwellMs, sideSupport, type Side } from './meet-sides.ts';
import { clickToFirstRemoteFrame, launchChromium } from './support.ts';

const runs = Number(process.argv[2] ?? 15);
const stoomURL = process.env.BENCH_URL ?? `http://localhost:${process.env.APP_PORT ?? 3000}`;
const meetPort = Number(process.env.MEET_PORT ?? 3200);
const meetURL = `http://localhost:${meetPort}`;
const { stoom, meet, newPage, joinAs, guestReadyToJoin, startMeet, meetDir } = await sideSupport(stoomURL, meetURL, meetPort);

/**
 * One guest join, in milliseconds from the click to the host's first video frame rendered.
 * The guest gets ready as `guestReadyToJoin` drives it (preview, name, dwell), then clicks.
 */
async function timeJoin(browser: Browser, side: Side): Promise<number> {
	const host = await side.host(browser);
	const guest = await newPage(browser, side.baseURL);
	try {
		await guestReadyToJoin(guest, side, host.path);
		return await clickToFirstRemoteFrame(guest, { joinButton: side.joinButton, remoteVideo: side.remoteVideo });
	} finally {
		await guest.context().close();
		await host.page.context().close();
		await host.cleanup();
	}
}

interface Scripts {
	files: number;
	gzipKiB: number;
	rawKiB: number;
}

function sizes(bodies: Buffer[]): Scripts {
	const gzip = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
	const raw = bodies.reduce((sum, body) => sum + body.length, 0);
	return { files: bodies.length, gzipKiB: +(gzip / 1024).toFixed(1), rawKiB: +(raw / 1024).toFixed(1) };
}

/**
 * The JavaScript files (gzip -9) a fresh browser requests before the pre-join preview shows
 * its first frame, and all it loads on the route up to the call with the host's video.
 */
async function routeJavaScript(browser: Browser, side: Side): Promise<{ beforePreview: Scripts; route: Scripts }> {
	const host = await side.host(browser);
	const guest = await newPage(browser, side.baseURL);
	// The moment the preview's first frame is decoded, on the page's clock.
	await guest.addInitScript((selector) => {
		const w = window as unknown as { __previewAt?: number };
		new MutationObserver((_, observer) => {
			const video = document.querySelector<HTMLVideoElement>(selector);
			if (!video) return;
			observer.disconnect();
			video.addEventListener('loadeddata', () => (w.__previewAt ??= performance.now()), { once: true });
		}).observe(document, { childList: true, subtree: true });
	}, side.preview);
	const bodies = new Map<string, Buffer>();
	guest.on('response', async (response) => {
		if (response.request().resourceType() === 'script' || new URL(response.url()).pathname.endsWith('.js')) {
			bodies.set(response.url(), await response.body().catch(() => Buffer.alloc(0)));
		}
	});
	try {
		await guest.goto(host.path);
		await guest.waitForFunction(() => (window as unknown as { __previewAt?: number }).__previewAt !== undefined);
		const startedBefore = await guest.evaluate(() => {
			const at = (window as unknown as { __previewAt: number }).__previewAt;
			return performance
				.getEntriesByType('resource')
				.filter((entry) => entry.startTime < at)
				.map((entry) => entry.name);
		});
		await joinAs(guest, side, 'Guest');
		await guest.locator(side.remoteVideo).waitFor();
		await guest.waitForLoadState('networkidle');
		const beforePreview = [...bodies].filter(([url]) => startedBefore.includes(url)).map(([, body]) => body);
		return { beforePreview: sizes(beforePreview), route: sizes([...bodies.values()]) };
	} finally {
		await guest.context().close();
		await host.page.context().close();
		await host.cleanup();
	}
}

function percentile(sorted: number[], p: number): number {
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)]!;
}

function distribution(samples: number[]) {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		p50: Math.round(percentile(sorted, 50)),
		p95: Math.round(percentile(sorted, 95)),
		min: Math.round(sorted[0]!),
		max: Math.round(sorted.at(-1)!),
		samples: samples.map(Math.round)
	};
}

const meetServer = await startMeet(meetDir);
const browser = await launchChromium();
try {
	const sides = [stoom, meet];
	for (const side of sides) await timeJoin(browser, side); // warm-up: caches, JIT, server paths
	const samples: Record<Side['name'], number[]> = { stoom: [], meet: [] };
	for (let i = 0; i < runs; i++) {
		// Alternate which goes first, so neither always runs on a machine the other just loaded.
		for (const side of i % 2 ? [...sides].reverse() : sides) samples[side.name].push(await timeJoin(browser, side));
		process.stdout.write(`run ${i + 1}/${runs}: stoom ${samples.stoom.at(-1)!.toFixed(0)} ms, meet ${samples.meet.at(-1)!.toFixed(0)} ms\n`);
	}
	const js = { stoom: await routeJavaScript(browser, stoom), meet: await routeJavaScript(browser, meet) };
	const join = { stoom: distribution(samples.stoom), meet: distribution(samples.meet) };
	const ratio = (a: number, b: number) => +(a / b).toFixed(2);
	const result = {
		benchmark: 'join-vs-meet',
		date: new Date().toISOString(),
		runs,
		dwellMs,
		joinToFirstRemoteFrameMs: join,
		javaScript: js,
		ratios: {
			joinP50: ratio(join.stoom.p50, join.meet.p50),
			joinP95: ratio(join.stoom.p95, join.meet.p95),
			beforePreviewVsMeetRoute: ratio(js.stoom.beforePreview.gzipKiB, js.meet.route.gzipKiB),
			beforePreviewVsMeetBeforePreview: ratio(js.stoom.beforePreview.gzipKiB, js.meet.beforePreview.gzipKiB),
			routeVsMeetRoute: ratio(js.stoom.route.gzipKiB, js.meet.route.gzipKiB)
		}
	};
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/join-vs-meet.json', `${JSON.stringify(result, null, 2)}\n`);
	for (const name of ['stoom', 'meet'] as const) {
		const d = join[name];
		const s = js[name];
		console.log(
			`${name.padEnd(5)} join → first remote frame: p50 ${d.p50} ms, p95 ${d.p95} ms (min ${d.min}, max ${d.max}); ` +
				`JS before the preview ${s.beforePreview.gzipKiB} KiB gzip (${s.beforePreview.files} files), route ${s.route.gzipKiB} KiB (${s.route.files} files)`
		);
	}
	const r = result.ratios;
	console.log(`ratios stoom/meet: join p50 ${r.joinP50}, p95 ${r.joinP95}; JS before the preview vs Meet's route ${r.beforePreviewVsMeetRoute} (vs Meet's before its preview ${r.beforePreviewVsMeetBeforePreview}); route ${r.routeVsMeetRoute}`);
	console.log(`the guest clicked ${dwellMs} ms after typing its name (BENCH_DWELL_MS)`);
	console.log('written: bench/results/join-vs-meet.json');
} finally {
	await browser.close();
	meetServer.kill();
}
