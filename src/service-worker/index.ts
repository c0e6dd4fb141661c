/**
 * The installable app's service worker: it keeps the app shell only — the built JavaScript and
 * CSS, the icons and the offline page — so the app starts fast and says so when offline. It never
 * stores a page, an API answer (/api/), a recording, an export or media, and LiveKit's signalling
 * and media are other origins it never sees.
 */
import { self } from '$app/service-worker';
import { assets, immutable } from '$app/manifest';
import { version } from '$app/env';
import { isShellAsset, OFFLINE_PAGE, PRECACHE_ASSET } from './shell';

const CACHE = `shell-${version}`;
// Built chunks are cached as they are first used rather than all at install: the effects'
// WebAssembly and models would otherwise be downloaded by every phone that opens a meeting.
// The manifest's paths are relative to the app's base; the fetch handler compares pathnames.
const pathname = (path: string) => new URL(path, self.location.origin + '/').pathname;
const built = new Set(immutable.map(({ path }) => pathname(path)).filter(isShellAsset));
const statics = assets.map(({ path }) => pathname(path)).filter((path) => PRECACHE_ASSET.test(path));

self.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(statics))
			.then(() => self.skipWaiting())
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			// Navigations start their request while the worker boots.
			await self.registration.navigationPreload?.enable();
			await self.clients.claim();
		})()
	);
});

async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const hit = await cache.match(request);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

async function networkThenOffline(event: FetchEvent): Promise<Response> {
	try {
		return (await event.preloadResponse) ?? (await fetch(event.request));
	} catch {
		return (await caches.match(OFFLINE_PAGE)) ?? Response.error();
	}
}

self.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
	if (built.has(url.pathname) || statics.includes(url.pathname)) event.respondWith(cacheFirst(request));
	else if (request.mode === 'navigate') event.respondWith(networkThenOffline(event));
	// Anything else (recordings, exports, media) goes to the network untouched.
});
