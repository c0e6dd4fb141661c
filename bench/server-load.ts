// Server load benchmark: the two requests a meeting makes most — minting a LiveKit token
// (every join and reconnect) and posting a chat message — under rising concurrency on
// loopback, each through the whole stack (room policy in PostgreSQL, token signing, chat
// stored then broadcast through LiveKit). For each, the highest throughput whose p99 stays
// within 50 ms.
// Needs the app with the per-address and per-pass limits out of the way:
//   RATE_LIMIT_CREATE_ROOM=1000/600 RATE_LIMIT_JOIN=1000/60 RATE_LIMIT_TOKEN=1000000/60 RATE_LIMIT_CHAT=1000000/10 ./stoom up
// Run: node bench/server-load.ts [seconds per step=5]   → prints figures, writes bench/results/server-load.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

const seconds = Number(process.argv[2] ?? 5);
const base = process.env.BENCH_URL ?? `http://localhost:${process.env.APP_PORT ?? 3000}`;
const origin = new URL(base).origin;
const CONCURRENCY = [1, 2, 4, 8, 16, 32];
const P99_BUDGET_MS = 50;

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

/** A new meeting, through the home page's form action. */
async function createMeeting(): Promise<string> {
	const response = await fetch(`${base}/?/create`, { method: 'POST', headers: { origin, 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
	const body = (await response.json()) as { type: string; location?: string };
	if (body.type !== 'redirect' || !body.location) throw new Error(`create refused: ${JSON.stringify(body)}`);
	const code = body.location.slice(1);
	// New meetings ask to join: the host opens it, so the guests' join step lets them straight in.
	const opened = await fetch(`${base}/api/rooms/${code}/access`, { method: 'POST', headers: { origin, cookie: cookiesOf(response), 'content-type': 'application/json' }, body: '{"askToJoin":false}' });
	if (!opened.ok) throw new Error(`opening ${code}: ${opened.status}`);
	return code;
}

/** A guest with a join pass (its cookies), through the join step as a browser takes it. */
async function joinGuest(code: string, name: string): Promise<string> {
	const response = await fetch(`${base}/${code}?/join`, {
		method: 'POST',
		headers: { origin, 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ displayName: name, password: '' })
	});
	const cookies = cookiesOf(response);
	if (!cookies) throw new Error(`join refused: ${response.status} ${await response.text()}`);
	return cookies;
}

type Step = { concurrency: number; requests: number; errors: number; perSecond: number; p50Ms: number; p99Ms: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** `concurrency` closed loops for `seconds`, each as its own guest. */
async function step(concurrency: number, request: (guest: number, n: number) => Promise<Response>): Promise<Step> {
	const latencies: number[] = [];
	let errors = 0;
	const end = performance.now() + seconds * 1000;
	await Promise.all(
		Array.from({ length: concurrency }, async (_, guest) => {
			for (let n = 0; performance.now() < end; n++) {
				const started = performance.now();
				const response = await request(guest, n).catch(() => null);
				if (!response?.ok) errors++;
				await response?.arrayBuffer().catch(() => undefined);
				latencies.push(performance.now() - started);
			}
		})
	);
	latencies.sort((a, b) => a - b);
	const round = (x: number) => Math.round(x * 10) / 10;
	return { concurrency, requests: latencies.length, errors, perSecond: Math.round(latencies.length / seconds), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)) };
}

async function measure(name: string, request: (guest: number, n: number) => Promise<Response>) {
	await step(2, request); // warm-up: connections, JIT, prepared statements
	const steps: Step[] = [];
	for (const concurrency of CONCURRENCY) {
		const s = await step(concurrency, request);
		steps.push(s);
		console.log(`${name} ×${concurrency}: ${s.perSecond} req/s, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms${s.errors ? `, ${s.errors} errors` : ''}`);
	}
	const within = steps.filter((s) => s.p99Ms <= P99_BUDGET_MS && s.errors === 0);
	const best = within.sort((a, b) => b.perSecond - a.perSecond)[0] ?? null;
	console.log(`${name}: ${best ? `${best.perSecond} req/s at p99 ${best.p99Ms} ms (×${best.concurrency})` : `no step kept p99 within ${P99_BUDGET_MS} ms`}`);
	return { steps, bestWithinBudget: best };
}

const code = await createMeeting();
const guests = await Promise.all(Array.from({ length: Math.max(...CONCURRENCY) }, (_, i) => joinGuest(code, `Load ${i + 1}`)));
const headers = (guest: number) => ({ origin, cookie: guests[guest]!, 'content-type': 'application/json' });

const token = await measure('token', (guest) => fetch(`${base}/api/rooms/${code}/token`, { method: 'POST', headers: headers(guest), body: '{}' }));
const chat = await measure('chat', (guest, n) =>
	fetch(`${base}/api/rooms/${code}/chat`, { method: 'POST', headers: headers(guest), body: JSON.stringify({ text: `load ${guest}-${n}`, clientId: `load-${guest}-${n}-${Date.now()}` }) })
);

const result = { date: new Date().toISOString(), cpus: cpus().length, secondsPerStep: seconds, p99BudgetMs: P99_BUDGET_MS, token, chat };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/server-load.json', JSON.stringify(result, null, 2));
