import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers above the server's domains, as tests: routes are thin (they name an input, call
 * a service and name a failure table), and the browser reaches the server one way, through
 * the typed API client (src/lib/client/api/). src/lib/server/architecture.spec.ts holds the
 * server's own layers.
 */
const SRC = resolve(import.meta.dirname);

function files(dir: string, keep: (name: string) => boolean): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path, keep);
		return keep(name) ? [path] : [];
	});
}

const rel = (path: string) => relative(SRC, path);
const serverImports = (text: string) => [...text.matchAll(/from\s+'#lib\/server\/([^']+)'/g)].map((m) => m[1]!);

/** What a route may take from the server: procedures, services, guards and failure tables, and the request's context. */
function routeMayImport(module: string): boolean {
	return (
		/\.service$/.test(module) ||
		/(^|\/)failures$/.test(module) ||
		[
			'http/procedure',
			'http/form-failure',
			'access/guards',
			'access/cookies',
			'access/knock-stream',
			'http/ndjson',
			'app-context',
			'pipeline/pipeline-context',
			'chat/page-query',
			'livekit/webhook-receiver',
			'http/file-response',
			'db/health'
		].includes(module)
	);
}

describe('routes are thin', () => {
	const routes = files(resolve(SRC, 'routes'), (name) => /^\+(server|page\.server|layout\.server)\.ts$/.test(name));

	it('reads every route', () => {
		expect(routes.length).toBeGreaterThan(25);
	});

	it.each(routes.map(rel))('%s imports procedures, services, guards and failure tables only', (route) => {
		const forbidden = serverImports(readFileSync(resolve(SRC, route), 'utf8')).filter((m) => !routeMayImport(m));
		expect(forbidden).toEqual([]);
	});

	it('the check finds a route that reaches past the services', () => {
		expect(serverImports("import { findPass } from '#lib/server/access/pass.repository';").filter((m) => !routeMayImport(m))).toEqual(['access/pass.repository']);
	});
});

describe('the browser calls the server through the API client only', () => {
	const browser = [
		...files(resolve(SRC, 'lib/client'), (name) => /\.(ts|svelte)$/.test(name) && !name.endsWith('.spec.ts')),
		...files(resolve(SRC, 'lib/components'), (name) => name.endsWith('.svelte')),
		...files(resolve(SRC, 'routes'), (name) => name.endsWith('.svelte'))
	].filter((path) => !rel(path).startsWith('lib/client/api/'));
	const calls = /\bfetch\(|new EventSource\(|sendBeacon\(|XMLHttpRequest|['"`]\/api\//;

	it('reads the browser code', () => {
		expect(browser.length).toBeGreaterThan(40);
	});

	it.each(browser.map(rel))('%s makes no request of its own', (file) => {
		expect(calls.test(readFileSync(resolve(SRC, file), 'utf8'))).toBe(false);
	});

	it('the check finds a request made outside the client', () => {
		expect(calls.test("await fetch(`/api/rooms/${code}/chat`)")).toBe(true);
	});
});
