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
			env: { ...process.env, ...this.#env, PORT: String(this.port), HOST: '127.0.0.1' },
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

/** A browser-less host: creates a room through the home page's form action. */
export async function createRoomAsHost(url: string): Promise<{ code: string; cookie: string }> {
	const response = await fetch(`${url}/?/create`, {
		method: 'POST',
		headers: { origin: url, 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		body: ''
	});
	const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const code = (JSON.parse(await response.text()) as { location: string }).location.slice(1);
	return { code, cookie };
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
