// Where the join's time goes, Stoom and LiveKit Meet side by side: the guest's page records
// when its signalling WebSocket opens and answers, each peer connection's descriptions,
// ICE and DTLS states and first remote track, and the host's first video frame rendered —
// all from the click, on the page's clock. Same drive as join-vs-meet.ts (MEET_DIR, BENCH_URL,
// BENCH_DWELL_MS).
// Run: MEET_DIR=/work/meet node bench/join-timeline.ts [runs=6]
//      → prints the median of every milestone per app, writes bench/results/join-timeline.json
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { dwellMs, sideSupport, type Side } from './meet-sides.ts';
import { launchChromium } from './support.ts';

const runs = Number(process.argv[2] ?? 6);
const stoomURL = process.env.BENCH_URL ?? `http://localhost:${process.env.APP_PORT ?? 3000}`;
const meetPort = Number(process.env.MEET_PORT ?? 3200);
const { stoom, meet, newPage, guestReadyToJoin, startMeet, meetDir } = await sideSupport(stoomURL, `http://localhost:${meetPort}`, meetPort);

type Timeline = [string, number][];

/** Installed before any page script: wraps WebSocket and RTCPeerConnection to note milestones. */
function instrument(): void {
	const w = window as unknown as { __timeline: [string, number][] };
	w.__timeline = [];
	const seen = new Set<string>();
	const mark = (name: string) => {
		if (seen.has(name) && !name.startsWith('fetch')) return;
		seen.add(name);
		w.__timeline.push([name, performance.now()]);
	};
	// Main-thread work long enough to hold up the connection (≥ 50 ms), named by its start.
	new PerformanceObserver((list) => {
		for (const task of list.getEntries()) w.__timeline.push([`long task ${Math.round(task.duration)} ms`, task.startTime]);
	}).observe({ type: 'longtask' });
	// Scripts that arrive after the click (a call's code still loading when the person clicked).
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
			if (entry.initiatorType === 'script' || entry.name.endsWith('.js')) w.__timeline.push([`script ${entry.name.split('/').pop()} loaded`, entry.responseEnd]);
		}
	}).observe({ type: 'resource' });
	// The app's own requests on the way (Stoom's join action, Meet's connection details).
	const nativeFetch = window.fetch.bind(window);
	window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
		const path = new URL(input instanceof Request ? input.url : String(input), location.href);
		const name = `fetch ${path.pathname.split('/').pop() || '/'}${path.search}`;
		mark(`${name}: sent`);
		const response = await nativeFetch(input, init);
		mark(`${name}: answered`);
		return response;
	};
	const NativeSocket = window.WebSocket;
	window.WebSocket = class extends NativeSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols);
			if (!String(url).includes('/rtc')) return;
			mark('signal: socket created');
			this.addEventListener('open', () => mark('signal: socket open'));
			this.addEventListener('message', () => mark('signal: first message'));
		}
	};
	const NativePC = window.RTCPeerConnection;
	let count = 0;
	window.RTCPeerConnection = class extends NativePC {
		constructor(config?: RTCConfiguration) {
			super(config);
			const pc = `pc${++count}`;
			mark(`${pc}: created`);
			this.addEventListener('iceconnectionstatechange', () => mark(`${pc}: ice ${this.iceConnectionState}`));
			this.addEventListener('connectionstatechange', () => mark(`${pc}: ${this.connectionState}`));
			this.addEventListener('track', (e) => mark(`${pc}: remote ${e.track.kind} track`));
			const setRemote = this.setRemoteDescription.bind(this);
			this.setRemoteDescription = (d: RTCSessionDescriptionInit) => (mark(`${pc}: remote ${d.type}`), setRemote(d));
			const createOffer = this.createOffer.bind(this);
			this.createOffer = (async (options?: RTCOfferOptions) => {
				mark(`${pc}: creating an offer`);
				const offer = await createOffer(options);
				mark(`${pc}: offer created`);
				return offer;
			}) as RTCPeerConnection['createOffer'];
			const setLocal = this.setLocalDescription.bind(this);
			this.setLocalDescription = (d?: RTCLocalSessionDescriptionInit) => (mark(`${pc}: local ${d?.type ?? 'description'}`), setLocal(d));
		}
	};
}

async function timeline(browser: Browser, side: Side): Promise<Timeline> {
	const host = await side.host(browser);
	const guest: Page = await newPage(browser, side.baseURL);
	await guest.addInitScript(instrument);
	try {
		await guestReadyToJoin(guest, side, host.path);
		// What the host's camera sends at the click: each simulcast layer's width and frames so far.
		const hostLayers = await host.page.evaluate(async () => {
			const layers: string[] = [];
			for (const pc of (window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []) {
				(await pc.getStats()).forEach((r: Record<string, unknown>) => {
					if (r.type === 'outbound-rtp' && r.kind === 'video') layers.push(`${r.rid ?? '-'}:${r.frameWidth ?? 0}px/${r.framesEncoded ?? 0}f/${r.qualityLimitationReason ?? ''}`);
				});
			}
			return layers.sort().join(' ');
		});
		// The host's camera as the SFU asks it for keyframes, for two seconds from here (wall clock).
		const hostWatch = host.page.evaluate(async () => {
			const events: [string, number][] = [];
			const seen = new Map<string, number>();
			let layersOn = '';
			const until = performance.now() + 2500;
			while (performance.now() < until) {
				for (const pc of (window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []) {
					// Which of the camera's layers the app sends (livekit-client turns them on and off as the SFU asks: dynacast).
					for (const sender of pc.getSenders()) {
						if (sender.track?.kind !== 'video') continue;
						const on = sender.getParameters().encodings.map((e) => `${e.rid ?? '-'}:${e.active ? 'on' : 'off'}`).join(' ');
						if (on !== layersOn) events.push([`host layers ${on}`, performance.timeOrigin + performance.now()]);
						layersOn = on;
					}
					(await pc.getStats()).forEach((r: Record<string, unknown>) => {
						if (r.type !== 'outbound-rtp' || r.kind !== 'video') return;
						for (const field of ['pliCount', 'firCount', 'keyFramesEncoded'] as const) {
							const key = `${r.rid ?? '-'} ${field}`;
							const value = Number(r[field] ?? 0);
							if (seen.has(key) && value > seen.get(key)!) events.push([`host ${key} → ${value}`, performance.timeOrigin + performance.now()]);
							seen.set(key, value);
						}
					});
				}
				await new Promise((r) => setTimeout(r, 15));
			}
			return events;
		});
		const clickedAt = await guest.evaluate(() => performance.timeOrigin + performance.now());
		const result = await guest.evaluate(
			({ joinButton, remoteVideo }) =>
				new Promise<[string, number][]>((resolve, reject) => {
					const w = window as unknown as { __timeline: [string, number][] };
					w.__timeline = w.__timeline.filter(([name]) => !name.startsWith('pc') && !name.startsWith('signal') && !name.startsWith('fetch'));
					const start = performance.now();
					// The remote video's first packet, first decoded frame (and its width: which layer), and the receiver's
					// keyframe requests: where the wait between the element and the frame goes.
					const noted = new Set<string>();
					const note = (name: string) => !noted.has(name) && (noted.add(name), w.__timeline.push([name, performance.now()]));
					const stats = setInterval(async () => {
						for (const pc of (window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []) {
							(await pc.getStats()).forEach((r: Record<string, unknown>) => {
								if (r.type !== 'inbound-rtp' || r.kind !== 'video') return;
								if (Number(r.packetsReceived) > 0) note('video: first packet');
								if (Number(r.keyFramesDecoded) > 0) note(`video: first keyframe decoded (${r.frameWidth}px wide)`);
								if (Number(r.pliCount) > 0) note('video: keyframe asked for (PLI)');
								if (Number(r.pliCount) > 1) note('video: keyframe asked for again');
							});
						}
					}, 20);
					document.querySelector<HTMLButtonElement>(joinButton)!.click();
					const deadline = setTimeout(() => reject(new Error('no remote frame within 30 s')), 30_000);
					const poll = setInterval(() => {
						const video = document.querySelector<HTMLVideoElement>(remoteVideo);
						if (!video) return;
						clearInterval(poll);
						w.__timeline.push(['remote video element', performance.now()]);
						video.requestVideoFrameCallback(() => {
							clearTimeout(deadline);
							clearInterval(stats);
							w.__timeline.push(['first remote frame', performance.now()]);
							resolve(w.__timeline.filter(([, at]) => at >= start).map(([name, at]) => [name, Math.round(at - start)]));
						});
					}, 5);
				}),
			{ joinButton: side.joinButton, remoteVideo: side.remoteVideo }
		);
		const hostEvents = (await hostWatch).map(([name, at]): [string, number] => [name, Math.round(at - clickedAt)]);
		return [[`host camera at the click: ${hostLayers || 'nothing sent'}`, 0], ...[...result, ...hostEvents].sort((a, b) => a[1] - b[1])];
	} finally {
		await guest.context().close();
		await host.page.context().close();
		await host.cleanup();
	}
}

function medians(timelines: Timeline[]): [string, number, number][] {
	const byName = new Map<string, number[]>();
	for (const t of timelines) for (const [name, at] of t) byName.set(name, [...(byName.get(name) ?? []), at]);
	return [...byName]
		.map(([name, values]): [string, number, number] => {
			const sorted = values.sort((a, b) => a - b);
			return [name, sorted[Math.floor(sorted.length / 2)]!, values.length];
		})
		.sort((a, b) => a[1] - b[1]);
}

const meetServer = await startMeet(meetDir);
const browser = await launchChromium();
try {
	const sides = [stoom, meet];
	for (const side of sides) await timeline(browser, side); // warm-up
	const all: Record<Side['name'], Timeline[]> = { stoom: [], meet: [] };
	for (let i = 0; i < runs; i++) {
		for (const side of i % 2 ? [...sides].reverse() : sides) all[side.name].push(await timeline(browser, side));
		process.stdout.write(`run ${i + 1}/${runs}\n`);
	}
	const result = { benchmark: 'join-timeline', date: new Date().toISOString(), runs, dwellMs, timelines: all };
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/join-timeline.json', `${JSON.stringify(result, null, 2)}\n`);
	for (const name of ['stoom', 'meet'] as const) {
		console.log(`\n${name}: median ms after the click (samples)`);
		const milestones = (t: Timeline) => t.filter(([m]) => !m.startsWith('long task'));
		for (const [milestone, at, n] of medians(all[name].map(milestones))) console.log(`  ${String(at).padStart(5)}  ${milestone} (${n})`);
		console.log(`${name}: main-thread tasks ≥ 50 ms, each run (start: duration)`);
		for (const t of all[name]) console.log(`  ${t.filter(([m]) => m.startsWith('long task')).map(([m, at]) => `${at}: ${m.slice(10)}`).join(', ') || '—'}`);
	}
} finally {
	await browser.close();
	meetServer.kill();
}
