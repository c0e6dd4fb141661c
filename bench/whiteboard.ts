// Whiteboard benchmark. Needs the stack (`./stoom up`) and the app built and served on APP_PORT;
// the sync latency runs on the test build (build-test/, served here on BENCH_TEST_PORT=3216).
//  1. sync latency: 4 participants (4 contexts in one Chromium, cameras off); A draws ~30 strokes
//     with the mouse; every page notes (wall clock, same machine) the frame in which a stroke
//     first shows and the frame with its last point: B, C and D's frames minus A's
//  2. a board of 1,000 strokes: bytes the server stores, and load time in a fresh browser
//     (panel click → GET → apply → first frame with every shape)
//  3. the whiteboard chunk's gzip size, and the meeting route's first-load JavaScript
// Run: node bench/whiteboard.ts [strokes=30] [boardStrokes=1000]   → bench/results/whiteboard.json
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import pg from 'pg';
import * as Y from 'yjs';
import { encodePoints } from '../src/lib/whiteboard/point-codec.ts';
import type { PenPoint } from '../src/lib/whiteboard/shapes.ts';
import { joinInBrowser, launchChromium, serveTestBuild } from './support.ts';

const strokes = Number(process.argv[2] ?? 30);
const boardStrokes = Number(process.argv[3] ?? 1000);
const baseURL = process.env.BENCH_URL ?? `http://localhost:${process.env.APP_PORT ?? 3000}`;
const origin = new URL(baseURL).origin;

type BenchWindow = Window & {
	__stoomBoard: () => { id: string; kind: string; points?: unknown[] }[];
	__seen: Record<string, { first: number; points: Record<number, number> }>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stats(xs: number[]) {
	const s = [...xs].sort((a, b) => a - b);
	const p = (q: number) => s[Math.max(0, Math.ceil((q / 100) * s.length) - 1)] ?? NaN;
	return { count: s.length, p50: Math.round(p(50)), p95: Math.round(p(95)), max: Math.round(s.at(-1) ?? NaN) };
}

async function openBoard(page: Page) {
	await page.getByTestId('panel-toggle-whiteboard').click();
	await page.getByTestId('whiteboard').and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
}

/** Each receiver notes (wall clock, set in the same frame as the pixels) when a stroke first shows, and at each point count. */
function watchRenders(page: Page) {
	return page.evaluate(() => {
		const w = window as unknown as BenchWindow;
		w.__seen = {};
		const canvas = document.querySelector('[data-testid="whiteboard-canvas"]')!;
		new MutationObserver(() => {
			const now = Date.now();
			for (const shape of w.__stoomBoard()) {
				const seen = (w.__seen[shape.id] ??= { first: now, points: {} });
				seen.points[shape.points?.length ?? 0] ??= now;
			}
		}).observe(canvas, { attributes: true, attributeFilter: ['data-rendered-version'] });
	});
}

/** A wavy stroke of about 30 pointer moves (about as long as a quick word written by hand). */
async function drawStroke(page: Page, i: number) {
	const box = (await page.getByTestId('whiteboard-canvas').boundingBox())!;
	const x0 = box.x + box.width * (0.15 + 0.12 * (i % 6));
	const y0 = box.y + box.height * (0.2 + 0.12 * (Math.floor(i / 6) % 5));
	await page.mouse.move(x0, y0);
	await page.mouse.down();
	for (let k = 1; k <= 15; k++) await page.mouse.move(x0 + k * 4, y0 + Math.sin(k / 2) * 12, { steps: 2 });
	await page.mouse.up();
}

/** Runs on the test build (whose board answers `window.__stoomBoard()`), served for it. */
async function latency(browser: Browser) {
	const app = await serveTestBuild();
	try {
		return await latencyOn(browser, app.url);
	} finally {
		app.stop();
	}
}

async function latencyOn(browser: Browser, baseURL: string) {
	const a = await joinInBrowser(browser, baseURL, 'Ann', { cameraOff: true });
	const others = [];
	for (const name of ['Ben', 'Cas', 'Dee']) others.push(await joinInBrowser(browser, baseURL, name, { code: a.code, cameraOff: true }));
	for (const p of [a, ...others]) await openBoard(p.page);
	// Every page notes its own frames: A's are the reference, so latency is A's frame → B's frame.
	for (const p of [a, ...others]) await watchRenders(p.page);
	const firstShown: number[] = [];
	const complete: number[] = [];
	for (let i = 0; i < strokes; i++) {
		await drawStroke(a.page, i);
		const mine = await a.page.evaluate(() => {
			const w = window as unknown as BenchWindow;
			const last = w.__stoomBoard().filter((s) => s.kind === 'pen').at(-1)!;
			return { id: last.id, points: last.points!.length, seen: w.__seen[last.id] };
		});
		for (const o of others) {
			const seen = await o.page
				.waitForFunction(({ id, points }) => (window as unknown as BenchWindow).__seen[id]?.points[points], mine, { timeout: 15_000 })
				.then(() => o.page.evaluate((id) => (window as unknown as BenchWindow).__seen[id], mine.id))
				.catch(() => null);
			if (!seen) continue;
			firstShown.push(seen.first - mine.seen.first);
			complete.push(seen.points[mine.points] - mine.seen.points[mine.points]);
		}
		await sleep(250);
		process.stdout.write(`stroke ${i + 1}/${strokes}\r`);
	}
	const lost = strokes * others.length - complete.length;
	for (const p of [a, ...others]) await p.page.context().close();
	return { participants: 1 + others.length, strokes, firstFrameOnAToFirstFrameOnOthersMs: stats(firstShown), lastPointOnAToLastPointOnOthersMs: stats(complete), lost };
}

/**
 * Adds stroke `i`: 48 points, as a hand draws a short word. Written with Yjs directly in the
 * board's layout (see board-doc.ts; Node cannot load the model's extensionless imports); the
 * server checks every shape, so a drift from the layout fails loudly.
 */
function addStroke(doc: Y.Doc, i: number) {
	const points: PenPoint[] = Array.from({ length: 48 }, (_, k) => [k * 1.125, Math.round(Math.sin(k / 4 + i) * 112) / 8, 0.5]);
	const fields = { id: `s${i}`, kind: 'pen', x: (i % 40) * 60, y: Math.floor(i / 40) * 60, color: 'black', width: 4, z: i, author: 'bench', createdAt: Date.now() };
	const shape = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(fields)) shape.set(key, value);
	const stored = new Y.Array<number>();
	stored.push(encodePoints(points));
	shape.set('points', stored);
	doc.transact(() => doc.getMap('shapes').set(fields.id, shape));
}

async function bigBoard(browser: Browser) {
	const host = await joinInBrowser(browser, baseURL, 'Host', { cameraOff: true });
	const request = host.page.context().request;
	const url = `/api/rooms/${host.code}/whiteboard`;
	// Each stroke reaches the server as one update, as a browser saves it on stroke end.
	const doc = new Y.Doc();
	const started = Date.now();
	for (let i = 0; i < boardStrokes; i++) {
		const before = Y.encodeStateVector(doc);
		addStroke(doc, i);
		const response = await request.post(url, { data: Buffer.from(Y.encodeStateAsUpdate(doc, before)), headers: { origin, 'content-type': 'application/octet-stream' } });
		if (!response.ok()) throw new Error(`save ${i} failed: ${response.status()} ${await response.text()}`);
		if (i % 50 === 49) process.stdout.write(`saved ${i + 1}/${boardStrokes} strokes\r`);
	}
	const saveMsPerStroke = (Date.now() - started) / boardStrokes;

	const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await db.connect();
	const { rows } = await db.query(
		`SELECT (SELECT coalesce(sum(octet_length(state)), 0) FROM whiteboards w WHERE w.session_id = s.id)::int AS state,
		        (SELECT count(*) FROM whiteboard_updates u WHERE u.session_id = s.id)::int AS updates,
		        (SELECT coalesce(sum(octet_length(update)), 0) FROM whiteboard_updates u WHERE u.session_id = s.id)::int AS update_bytes
		   FROM meeting_sessions s JOIN rooms r ON r.id = s.room_id WHERE r.code = $1 ORDER BY s.started_at DESC LIMIT 1`,
		[host.code]
	);
	await db.end();
	const stored = rows[0] as { state: number; updates: number; update_bytes: number };

	const loads: { total: number; get: number; apply: number; render: number }[] = [];
	let chunk = { files: 0, gzipBytes: 0 };
	for (let run = 0; run < 3; run++) {
		const viewer = await joinInBrowser(browser, baseURL, `Viewer ${run + 1}`, { code: host.code, cameraOff: true });
		const scripts = new Map<string, Buffer>();
		viewer.page.on('response', async (r) => {
			if (r.url().endsWith('.js')) scripts.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
		});
		await viewer.page.waitForLoadState('networkidle');
		scripts.clear(); // from here on: only what opening the board fetches
		const timing = await viewer.page.evaluate(
			(shapes) =>
				new Promise<{ total: number; get: number; apply: number; render: number }>((resolve) => {
					const start = performance.now();
					const done = () => {
						const canvas = document.querySelector('[data-testid="whiteboard-canvas"]');
						if (canvas?.getAttribute('data-shapes') !== String(shapes)) return false;
						const painted = performance.now();
						const get = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/whiteboard')) as PerformanceResourceTiming;
						const applied = performance.getEntriesByName('wb:applied')[0].startTime;
						resolve({ total: painted - start, get: get.responseEnd - get.startTime, apply: applied - get.responseEnd, render: painted - applied });
						return true;
					};
					new MutationObserver((_, observer) => done() && observer.disconnect()).observe(document.body, {
						subtree: true,
						childList: true,
						attributes: true,
						attributeFilter: ['data-shapes']
					});
					document.querySelector<HTMLButtonElement>('[data-testid="panel-toggle-whiteboard"]')!.click();
				}),
			boardStrokes
		);
		loads.push(timing);
		await viewer.page.waitForLoadState('networkidle');
		if (run === 0) chunk = { files: scripts.size, gzipBytes: [...scripts.values()].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) };
		await viewer.page.context().close();
	}
	await host.page.context().close();
	const median = (key: keyof (typeof loads)[number]) => Math.round(loads.map((l) => l[key]).sort((x, y) => x - y)[1]);
	return {
		board: {
			strokes: boardStrokes,
			pointsPerStroke: 48,
			saveMsPerStroke: Math.round(saveMsPerStroke),
			storedBytes: { state: stored.state, updates: stored.updates, updateBytes: stored.update_bytes, total: stored.state + stored.update_bytes },
			encodedBoardBytes: Y.encodeStateAsUpdate(doc).byteLength,
			loadInFreshBrowserMs: { openToAllShapesPainted: median('total'), get: median('get'), apply: median('apply'), firstRender: median('render'), runs: loads.map((l) => Math.round(l.total)) }
		},
		chunkFetchedOnOpen: { files: chunk.files, gzipKiB: +(chunk.gzipBytes / 1024).toFixed(1) }
	};
}

/** The meeting route's scripts, measured as bench/join-time.ts does: a guest joins, board closed. */
async function meetingRouteJs(browser: Browser) {
	const host = await joinInBrowser(browser, baseURL, 'Host', { cameraOff: true });
	const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'] });
	const guest = await context.newPage();
	const bodies = new Map<string, Buffer>();
	guest.on('response', async (r) => {
		if (r.request().resourceType() === 'script' || r.url().endsWith('.js')) bodies.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
	});
	await guest.goto(`/${host.code}`);
	await guest.getByTestId('preview-video').waitFor();
	await guest.getByTestId('display-name').fill('Guest');
	await guest.getByTestId('join-meeting').click();
	await guest.locator('[data-testid="tile"][data-local="false"]').first().waitFor();
	await guest.waitForLoadState('networkidle');
	await context.close();
	await host.page.context().close();
	const all = [...bodies.values()];
	return {
		files: all.length,
		gzipKiB: +(all.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) / 1024).toFixed(1),
		rawKiB: +(all.reduce((n, b) => n + b.length, 0) / 1024).toFixed(1),
		// yjs announces itself with this message: it must not be in the meeting's first load.
		includesYjs: all.some((b) => b.includes('Yjs was already imported'))
	};
}

/** From the build's manifest: the whiteboard's lazy chunk(s) and the route's static imports. */
function buildChunks() {
	const dir = '.svelte-kit/output/client/';
	const manifest = JSON.parse(readFileSync(`${dir}.vite/manifest.json`, 'utf8')) as Record<string, { file: string; imports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }>;
	const closure = (roots: string[]) => {
		const seen = new Set<string>();
		const walk = (key: string) => {
			if (seen.has(key) || !manifest[key]) return;
			seen.add(key);
			manifest[key].imports?.forEach(walk);
		};
		roots.forEach(walk);
		return seen;
	};
	const gz = (keys: Iterable<string>) => [...keys].reduce((n, k) => n + gzipSync(readFileSync(dir + manifest[k].file), { level: 9 }).length, 0);
	// The meeting route is /[code=code]: its node is found by its component's path.
	const generated = '.svelte-kit/generated/build/client-optimized/';
	const nodeKey = Object.keys(manifest).find((k) => k.startsWith(`${generated}nodes/`) && readFileSync(k, 'utf8').includes('[code=code]/+page.svelte'))!;
	const route = closure([`${generated}app.js`, 'node_modules/@sveltejs/kit/src/runtime/client/entry.js', `${generated}nodes/0.js`, nodeKey]);
	const board = [...closure(['src/lib/components/Whiteboard.svelte'])].filter((k) => !route.has(k));
	return {
		meetingRouteStaticImports: { files: route.size, gzipKiB: +(gz(route) / 1024).toFixed(1), includesWhiteboardChunk: board.some((k) => route.has(k)) },
		whiteboardChunk: { files: board.length, gzipKiB: +(gz(board) / 1024).toFixed(1) }
	};
}

const browser = await launchChromium();
try {
	const sync = await latency(browser);
	console.log(`\nsync, ${sync.participants} participants, ${sync.strokes} strokes → ${sync.lastPointOnAToLastPointOnOthersMs.count} observations`);
	const board = await bigBoard(browser);
	const routeJs = await meetingRouteJs(browser);
	const chunks = buildChunks();
	const result = { benchmark: 'whiteboard', date: new Date().toISOString(), baseURL, sync, ...board, meetingRouteJavaScript: routeJs, build: chunks };
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/whiteboard.json', `${JSON.stringify(result, null, 2)}\n`);
	const l = board.board.loadInFreshBrowserMs;
	const { firstFrameOnAToFirstFrameOnOthersMs: first, lastPointOnAToLastPointOnOthersMs: last } = sync;
	console.log(`stroke appears on B/C/D after it appears on A: p50 ${first.p50} ms, p95 ${first.p95} ms`);
	console.log(`stroke's last point drawn on B/C/D after A drew it: p50 ${last.p50} ms, p95 ${last.p95} ms, lost ${sync.lost}`);
	console.log(`board of ${boardStrokes} strokes: stored ${(board.board.storedBytes.total / 1024).toFixed(0)} KiB (state ${board.board.storedBytes.state} B + ${board.board.storedBytes.updates} updates ${board.board.storedBytes.updateBytes} B), ${board.board.saveMsPerStroke} ms per save`);
	console.log(`load in a fresh browser: open → all painted ${l.openToAllShapesPainted} ms (GET ${l.get} ms, apply ${l.apply} ms, first render ${l.firstRender} ms)`);
	console.log(`whiteboard chunk: ${chunks.whiteboardChunk.gzipKiB} KiB gzip (${chunks.whiteboardChunk.files} files); fetched on open: ${board.chunkFetchedOnOpen.gzipKiB} KiB`);
	console.log(`meeting route first-load JS: ${routeJs.gzipKiB} KiB gzip (${routeJs.files} files), yjs included: ${routeJs.includesYjs}; static imports ${chunks.meetingRouteStaticImports.gzipKiB} KiB`);
	console.log('written: bench/results/whiteboard.json');
} finally {
	await browser.close();
}
