import { describe, expect, it } from 'vitest';
import { withLivekitOrigins } from './security-headers';

describe('withLivekitOrigins', () => {
	it.each([
		[
			"default-src 'self'; connect-src 'self'; frame-ancestors 'none'",
			'ws://127.0.0.1:7880',
			"default-src 'self'; connect-src 'self' ws://127.0.0.1:7880 http://127.0.0.1:7880; frame-ancestors 'none'"
		],
		["connect-src 'self'", 'wss://meet.example.com', "connect-src 'self' wss://meet.example.com https://meet.example.com"],
		["default-src 'self'", 'ws://127.0.0.1:7880', "default-src 'self'"]
	])('%s + %s', (csp, ws, expected) => {
		expect(withLivekitOrigins(csp, ws)).toBe(expected);
	});
});
