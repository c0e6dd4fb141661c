import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The server's folders form layers: a folder may import from the folders below it, never
 * back up. `livekit/` and `db/` are leaves of clients; the webhook dispatcher and the
 * pipeline sit above the domains. A cycle between folders (or files) fails here, naming it.
 */
const SERVER = resolve(import.meta.dirname);

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
	});
}

function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
	return specifiers
		.map((s) => resolve(dirname(file), s))
		.map((p) => [`${p}.ts`, join(p, 'index.ts'), p].find((c) => c.startsWith(SERVER) && safeIsFile(c)))
		.filter((p): p is string => p !== undefined);
}

function safeIsFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

/** The folder a server file belongs to (`rooms`), or the file itself for top-level files (`env.ts`). */
const folderOf = (file: string) => relative(SERVER, file).split('/')[0]!;

/** One cycle of the graph, as a path that returns to its start; null when there is none. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (node: string): string[] | null => {
		state.set(node, 'open');
		stack.push(node);
		for (const next of graph.get(node) ?? []) {
			if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
			if (!state.has(next)) {
				const found = visit(next);
				if (found) return found;
			}
		}
		stack.pop();
		state.set(node, 'done');
		return null;
	};
	for (const node of [...graph.keys()].sort()) {
		if (!state.has(node)) {
			const found = visit(node);
			if (found) return found;
		}
	}
	return null;
}

const files = sources(SERVER);
const fileGraph = new Map(files.map((f) => [relative(SERVER, f), new Set(importsOf(f).map((i) => relative(SERVER, i)))]));
const folderGraph = new Map<string, Set<string>>();
for (const file of files) {
	const from = folderOf(file);
	const edges = folderGraph.get(from) ?? new Set<string>();
	for (const target of importsOf(file)) if (folderOf(target) !== from) edges.add(folderOf(target));
	folderGraph.set(from, edges);
}

describe('server module layers', () => {
	it('reads the whole server tree', () => {
		expect(files.length).toBeGreaterThan(50);
		expect(folderGraph.get('access')?.has('rooms')).toBe(true);
	});

	it('no two server folders import each other, directly or around a loop', () => {
		expect(findCycle(folderGraph)).toBeNull();
	});

	it('no two server files import each other, directly or around a loop', () => {
		expect(findCycle(fileGraph)?.join(" → ") ?? null).toBeNull();
	});

	it.each([
		['livekit', ['env.ts']],
		['db', ['env.ts']],
		['crypto', []],
		['jobs', []],
		['rate-limit', ['env.ts']]
	])('%s is a leaf: it imports only %j', (folder, allowed) => {
		expect([...(folderGraph.get(folder) ?? [])].filter((f) => !allowed.includes(f))).toEqual([]);
	});

	it('one rights rule: whatever grants LiveKit permissions asks access/rights.ts', () => {
		const granting = files.filter((f) => !f.includes('/livekit/') && /publishRights\(/.test(readFileSync(f, 'utf8')));
		expect(granting.map((f) => relative(SERVER, f)).sort()).toEqual(['access/token.service.ts', 'screen-share/screen-share.service.ts']);
		for (const file of granting) expect(importsOf(file).map((i) => relative(SERVER, i))).toContain('access/rights.ts');
	});

	it('one source of truth for host: no code reads a stored is_host', () => {
		// The column read or written; a failure table's `is_host: [status, message]` is a reason, not the column.
		const readsColumn = /\.is_host\b|\bis_host\s*:(?!\s*\[)|'is_host'\s*[,)]/;
		expect(files.filter((f) => readsColumn.test(readFileSync(f, 'utf8')) && !f.includes('/migrations/')).map((f) => relative(SERVER, f))).toEqual([]);
	});

	it('finds a cycle when there is one (the check itself works)', () => {
		const graph = new Map([
			['a', new Set(['b'])],
			['b', new Set(['c'])],
			['c', new Set(['a'])]
		]);
		expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
		expect(findCycle(new Map([['a', new Set(['b'])]]))).toBeNull();
	});
});
