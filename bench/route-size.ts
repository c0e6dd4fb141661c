// The meeting route's first-load JavaScript, from the last production build's manifest: the app's
// entry, the root layout, the meeting page and everything they import statically, plus the call's
// chunk (in-call.ts, loaded while the name is typed); gzip level 9. What a part loads on first use
// (the board, the transcript, the statistics, the effects, the noise suppressor) is not counted.
// Run after `npx vite build` (or ./stoom up): node bench/route-size.ts [dir=.]   → bench/results/route-size.json
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const root = process.argv[2] ?? '.';
const client = `${root}/.svelte-kit/output/client/`;
type Entry = { file: string; imports?: string[]; dynamicImports?: string[] };
const manifest = JSON.parse(readFileSync(`${client}.vite/manifest.json`, 'utf8')) as Record<string, Entry>;
const generated = '.svelte-kit/generated/build/client-optimized/';
const page = Object.keys(manifest).find((key) => key.startsWith(`${generated}nodes/`) && readFileSync(`${root}/${key}`, 'utf8').includes('[code=code]/+page.svelte'));
if (!page) throw new Error('no meeting page in the manifest: build first');

const counted = new Set<string>();
const walk = (key: string) => {
	if (counted.has(key) || !manifest[key]) return;
	counted.add(key);
	for (const imported of manifest[key]!.imports ?? []) walk(imported);
	for (const dynamic of manifest[key]!.dynamicImports ?? []) if (dynamic.includes('in-call')) walk(dynamic);
};
for (const key of [`${generated}app.js`, 'node_modules/@sveltejs/kit/src/runtime/client/entry.js', `${generated}nodes/0.js`, page]) walk(key);

const files = [...counted].map((key) => ({ source: key, file: manifest[key]!.file, gzipBytes: gzipSync(readFileSync(client + manifest[key]!.file), { level: 9 }).length }));
const gzipKiB = Math.round((files.reduce((sum, f) => sum + f.gzipBytes, 0) / 1024) * 10) / 10;
const result = { benchmark: 'route-size', date: new Date().toISOString(), files: files.length, gzipKiB, largest: files.sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 8) };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/route-size.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`meeting route, first load: ${gzipKiB} KiB gzip in ${files.length} files`);
for (const f of result.largest) console.log(`  ${(f.gzipBytes / 1024).toFixed(1).padStart(6)} KiB  ${f.file}  (${f.source})`);
