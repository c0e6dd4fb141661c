import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess, createRoomAsHost, joinStep, postJson } from '../support/app-process';
import { testContext } from './support';

const ctx = testContext();
// Tight limits, so that a test can reach them: 4 wrong passwords per client, 6 per room, 5 tokens per pass.
const app = new AppProcess(3203, {
	RATE_LIMIT_PASSWORD_CLIENT: '4/60',
	RATE_LIMIT_PASSWORD_ROOM: '6/60',
	RATE_LIMIT_TOKEN: '5/60'
});
beforeAll(() => app.start(), 40_000);
afterAll(async () => {
	await app.stop();
	await ctx.close();
});

/** A SvelteKit form action answers JSON: `{ type, status }`. */
const outcome = (body: string) => JSON.parse(body) as { type: string; status: number };

describe('the Origin check', () => {
	it('refuses a host action whose path is percent-encoded, and one without an Origin', async () => {
		const { code, cookie } = await createRoomAsHost(app.url);
		const encoded = await postJson(app.url, `/%61pi/rooms/${code}/end`, {}, { cookie, origin: null });
		expect(encoded.status).toBe(403);
		expect(await encoded.json()).toEqual({ message: 'Cross-origin request refused' });
		expect((await postJson(app.url, `/%61pi/rooms/${code}/end`, {}, { cookie, origin: 'https://evil.example' })).status).toBe(403);
		expect((await postJson(app.url, `/api/rooms/${code}/end`, {}, { cookie, origin: null })).status).toBe(403);
		// The meeting is still there: the host's own request ends it.
		expect((await postJson(app.url, `/api/rooms/${code}/end`, {}, { cookie })).status).toBe(200);
	});
});

describe('security headers', () => {
	it('every page forbids framing, limits scripts to its own (with a nonce) and lets LiveKit connect', async () => {
		const { code, cookie } = await createRoomAsHost(app.url);
		const page = await fetch(`${app.url}/${code}`, { headers: { cookie } });
		const csp = page.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		// 'wasm-unsafe-eval' lets WebAssembly compile (RNNoise); no JavaScript eval is allowed.
		expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'nonce-[^']+'/);
		expect(csp).toContain(`connect-src 'self' ${ctx.config.LIVEKIT_WS_URL} ${ctx.config.LIVEKIT_WS_URL.replace(/^ws/, 'http')}`);
		expect(page.headers.get('x-frame-options')).toBe('DENY');
		expect(page.headers.get('referrer-policy')).toBe('same-origin');
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
	});
});

describe('rate limits', () => {
	it('limit new meetings per client, with Retry-After', async () => {
		// Its own app with its own limit (3 a minute): no other spec counts against it.
		const strict = new AppProcess(3205, { RATE_LIMIT_CREATE_ROOM: '3/60' });
		await strict.start();
		try {
			const answers = [];
			for (let i = 0; i < 4; i++) {
				const response = await fetch(`${strict.url}/?/create`, {
					method: 'POST',
					headers: { origin: strict.url, 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
					body: ''
				});
				answers.push({ retryAfter: response.headers.get('retry-after'), ...outcome(await response.text()) });
			}
			expect(answers.map((a) => a.status)).toEqual([303, 303, 303, 429]);
			expect(Number(answers[3]!.retryAfter)).toBeGreaterThan(0);
		} finally {
			await strict.stop();
		}
	});

	it('stop password guessing per client and per room before any hashing, with Retry-After', async () => {
		const { code, cookie: hostCookie } = await createRoomAsHost(app.url);
		const settings = await fetch(`${app.url}/${code}/settings?/save`, {
			method: 'POST',
			headers: { origin: app.url, cookie: hostCookie, 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ password: 'correct horse battery', maxParticipants: '100' })
		});
		expect(outcome(await settings.text()).type).toBe('success');

		const statuses: number[] = [];
		let retryAfter: string | null = null;
		for (let i = 0; i < 5; i++) {
			const { response, body } = await joinStep(app.url, code, 'Guesser', { password: `guess ${i}` });
			statuses.push(outcome(body).status);
			retryAfter ??= response.headers.get('retry-after');
		}
		expect(statuses).toEqual([400, 400, 400, 400, 429]);
		expect(Number(retryAfter)).toBeGreaterThan(0);
		// Blocked means blocked: even the right password waits (the guesser cannot tell).
		const blocked = await joinStep(app.url, code, 'Guesser', { password: 'correct horse battery' });
		expect(outcome(blocked.body).status).toBe(429);
		const started = performance.now();
		await joinStep(app.url, code, 'Guesser', { password: 'still guessing' });
		// No scrypt run (~50 ms) while blocked.
		expect(performance.now() - started).toBeLessThan(200);
	});

	it('limit tokens per join pass', async () => {
		const { code, cookie } = await createRoomAsHost(app.url);
		const { cookie: guest } = await joinStep(app.url, code, 'Tess', { cookie });
		// The join step's answer carried the pass's first token: it counts, leaving four.
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push((await postJson(app.url, `/api/rooms/${code}/token`, {}, { cookie: guest })).status);
		expect(statuses).toEqual([200, 200, 200, 200, 429]);
	});
});

describe('ids in paths', () => {
	it('a malformed code or record id is a 404, never a server error', async () => {
		const { code, cookie } = await createRoomAsHost(app.url);
		for (const path of [`/${code}/meetings/not-a-uuid`, `/${code}/meetings/00000000-0000-0000-0000-00000000000g/export/vtt`, '/ABC-DEFG-HIJ', `/${code}/meetings/00000000-0000-0000-0000-000000000000/media/1`]) {
			expect((await fetch(`${app.url}${path}`, { headers: { cookie } })).status, path).toBe(404);
		}
		expect((await postJson(app.url, '/api/rooms/not-a-code/token', {})).status).toBe(404);
	});
});

describe('secrets', () => {
	it('the app refuses to start with the .env.example placeholder, saying how to make a secret', async () => {
		const child = spawn(process.execPath, ['scripts/serve.js'], {
			env: { ...process.env, PORT: '3204', HOST: '127.0.0.1', SESSION_SECRET: 'CHANGE_ME_TO_32_OR_MORE_RANDOM_CHARACTERS' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const code = await new Promise<number | null>((resolve) => {
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				resolve(null);
			}, 20_000);
			child.once('exit', (c) => {
				clearTimeout(timer);
				resolve(c);
			});
		});
		expect(code).not.toBe(0);
		expect(code).not.toBeNull();
		expect(output).toContain('SESSION_SECRET: is a placeholder, not a secret');
		expect(output).toContain('openssl rand -base64 36');
	});
});
