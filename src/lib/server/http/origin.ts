/**
 * JSON endpoints are not covered by SvelteKit's form CSRF check, so every state-changing
 * request to /api must come from our own origin. LiveKit's webhook is signed instead.
 */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SIGNED_ENDPOINTS = new Set(['/api/livekit/webhook']);

export function isCrossOriginApiWrite(method: string, url: URL, originHeader: string | null): boolean {
	if (!UNSAFE_METHODS.has(method) || !url.pathname.startsWith('/api/')) return false;
	if (SIGNED_ENDPOINTS.has(url.pathname)) return false;
	return originHeader !== url.origin;
}
