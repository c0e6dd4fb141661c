/**
 * Headers on every response. The CSP lets the page reach its own origin and the LiveKit
 * server (WebSocket signalling, plus its HTTP validation endpoint); media itself is WebRTC,
 * which CSP does not govern. SvelteKit adds a nonce for its own inline scripts (vite.config.ts
 * `csp`), so no inline script is otherwise allowed. Nothing may frame the app (clickjacking).
 */
export const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'permissions-policy': 'camera=(self), microphone=(self), display-capture=(self)',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin'
};

/** Adds the LiveKit server's origins to the CSP's connect-src that SvelteKit wrote. */
export function withLivekitOrigins(csp: string, livekitWsUrl: string): string {
	const ws = new URL(livekitWsUrl);
	const http = new URL(livekitWsUrl.replace(/^ws/, 'http'));
	return csp.replace(/connect-src ([^;]*)/, (_m, sources: string) => `connect-src ${sources} ${ws.origin} ${http.origin}`);
}
