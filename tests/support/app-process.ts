import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The built app (build/, via scripts/serve.js) as a separate process on its own port, so a
 * test can kill it. Its port is not among livekit.yaml's webhook URLs: it gets no webhooks.
 */
export class AppProcess {
	#child: ChildProcess | undefined;
	readonly url: string;
	readonly port: number;
	readonly #env: Record<string, string>;

	constructor(port: number, env: Record<string, string> = {}) {
		this.port = port;
		this.#env = env;
		this.url = `http://localhost:${port}`;
	}

	async start(): Promise<void> {
		this.#child = spawn(process.execPath, ['scripts/serve.js'], {
			// Every request here comes from 127.0.0.1: the per-address limits on new meetings and joins
			// are raised, as for the browser suite (a spec that tests a limit sets its own), or the
			// suite's twentieth meeting in ten minutes would be refused.
			env: { ...process.env, RATE_LIMIT_CREATE_ROOM: '1000/600', RATE_LIMIT_JOIN: '1000/60', ...this.#env, PORT: String(this.port), HOST: '127.0.0.1' },
			stdio: ['ignore', 'ignore', 'inherit']
		});
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			if (this.#child.exitCode !== null) throw new Error(`app exited with ${this.#child.exitCode}`);
			if (await fetch(`${this.url}/api/health`).then((r) => r.ok).catch(() => false)) return;
			await new Promise((r) => setTimeout(r, 200));
		}
		throw new Error('app did not become healthy');
	}

	/** Whether the process is still running (it did not crash). */
	get alive(): boolean {
		return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
	}

	/** SIGKILL: no cleanup, no graceful job hand-back — as a crash or the OOM killer would. */
	async kill9(): Promise<void> {
		const child = this.#child;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGKILL');
		await exited;
	}

	async stop(): Promise<void> {
		const child = this.#child;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await exited;
	}
}

/**
 * A browser-less host: creates a room through the home page's form action. New rooms ask to
 * join; unless `askToJoin`, the host opens it (as in the People panel), for the flows that
 * do not test the lobby: their guests and bots come straight in.
 */
export async function createRoomAsHost(url: string, { askToJoin = false }: { askToJoin?: boolean } = {}): Promise<{ code: string; cookie: string }> {
	const response = await fetch(`${url}/?/create`, {
		method: 'POST',
		headers: { origin: url, 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		body: ''
	});
	const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const answer = JSON.parse(await response.text()) as { type: string; status: number; location?: string };
	// A refused action answers a failure (with location "/"): fail here, not on a room named "".
	if (answer.type !== 'redirect' || !answer.location) throw new Error(`creating a meeting: ${JSON.stringify(answer).slice(0, 300)}`);
	const code = answer.location.slice(1);
	if (!askToJoin) await setRoomAccess(url, code, cookie, { askToJoin: false });
	return { code, cookie };
}

/** As the host: lock the room, or choose whether guests ask to join. */
export async function setRoomAccess(url: string, code: string, cookie: string, change: { askToJoin?: boolean; locked?: boolean }): Promise<void> {
	const response = await postJson(url, `/api/rooms/${code}/access`, change, { cookie });
	if (!response.ok) throw new Error(`room access: ${response.status} ${await response.text()}`);
}

export async function setRecordingAs(url: string, code: string, cookie: string, action: 'start' | 'stop'): Promise<{ sessionId: string }> {
	const response = await fetch(`${url}/api/rooms/${code}/recording`, {
		method: 'POST',
		headers: { origin: url, cookie, 'content-type': 'application/json' },
		body: JSON.stringify({ action })
	});
	if (!response.ok) throw new Error(`recording ${action}: ${response.status} ${await response.text()}`);
	return response.json() as Promise<{ sessionId: string }>;
}

/** Cookies from a response, merged over the ones sent (as a browser's cookie jar would). */
export function mergeCookies(sent: string, response: Response): string {
	const jar = new Map(sent.split('; ').filter(Boolean).map((c) => [c.split('=')[0]!, c] as const));
	for (const c of response.headers.getSetCookie()) {
		const pair = c.split(';')[0]!;
		jar.set(pair.split('=')[0]!, pair);
	}
	return [...jar.values()].join('; ');
}

/** The pre-join form, posted as the page's JavaScript would; answers the response and the updated cookies. */
export async function joinStep(url: string, code: string, name: string, options: { cookie?: string; password?: string; origin?: string } = {}) {
	const response = await fetch(`${url}/${code}?/join`, {
		method: 'POST',
		headers: {
			origin: options.origin ?? url,
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded',
			...(options.cookie ? { cookie: options.cookie } : {})
		},
		body: new URLSearchParams({ displayName: name, password: options.password ?? '' })
	});
	return { response, cookie: mergeCookies(options.cookie ?? '', response), body: await response.text() };
}

/** POSTs JSON to an app endpoint with the given cookies (and our own Origin unless told otherwise). */
export async function postJson(url: string, path: string, body: unknown, options: { cookie?: string; origin?: string | null } = {}) {
	const origin = options.origin === undefined ? url : options.origin;
	return fetch(`${url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}), ...(options.cookie ? { cookie: options.cookie } : {}) },
		body: JSON.stringify(body)
	});
}
