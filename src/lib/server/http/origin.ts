/**
 * Every state-changing request must come from our own origin: JSON endpoints are not covered
 * by SvelteKit's form CSRF check, and form actions get the same rule here for free. LiveKit's
 * webhook is signed instead. The route is identified by SvelteKit's matched route id, never
 * by the raw path: `/%61pi/...` routes to `/api/...` and is checked as such.
 */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// The transcriber's finals carry a LiveKit roomAdmin token (no browser has one), not an Origin.
const SIGNED_ROUTES = new Set(['/api/livekit/webhook', '/api/transcriber/segments']);

export function isCrossOriginApiWrite(method: string, routeId: string | null, url: URL, originHeader: string | null): boolean {
	if (!UNSAFE_METHODS.has(method)) return false;
	if (routeId && SIGNED_ROUTES.has(routeId)) return false;
	if (!routeId && SIGNED_ROUTES.has(decodedPath(url))) return false;
	return originHeader !== url.origin;
}

function decodedPath(url: URL): string {
	try {
		return decodeURIComponent(url.pathname);
	} catch {
		return url.pathname;
	}
}
