/** Which files the service worker keeps: the app shell, nothing the server answers per person. */

/** Shown for a navigation while offline (static/offline.html). */
export const OFFLINE_PAGE = '/offline.html';

/** Static files stored at install: the icons, the manifest, the offline page. */
export const PRECACHE_ASSET = /\.(svg|png|webmanifest|html)$/;

/** Built files kept as they are used: scripts and styles, not WebAssembly, models or media. */
export function isShellAsset(path: string): boolean {
	return /\.(js|css)$/.test(path) && !path.startsWith('/api/');
}
