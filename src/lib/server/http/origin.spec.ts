import { describe, expect, it } from 'vitest';
import { isCrossOriginApiWrite } from './origin';

const url = (path: string) => new URL(`http://localhost:3000${path}`);
const SELF = 'http://localhost:3000';

describe('isCrossOriginApiWrite', () => {
	it.each<[string, string, string | null, string, string | null, boolean]>([
		['same-origin JSON write', 'POST', '/api/rooms/[code=code]/end', '/api/rooms/abc-defg-hij/end', SELF, false],
		['cross-origin JSON write', 'POST', '/api/rooms/[code=code]/end', '/api/rooms/abc-defg-hij/end', 'https://evil.example', true],
		['missing Origin', 'POST', '/api/rooms/[code=code]/end', '/api/rooms/abc-defg-hij/end', null, true],
		['an encoded path routed to /api (checked by route id)', 'POST', '/api/rooms/[code=code]/end', '/%61pi/rooms/abc-defg-hij/end', null, true],
		['a form action from elsewhere', 'POST', '/[code=code]', '/abc-defg-hij', 'https://evil.example', true],
		['reads are not writes', 'GET', '/api/rooms/[code=code]/chat', '/api/rooms/abc-defg-hij/chat', null, false],
		['the signed webhook', 'POST', '/api/livekit/webhook', '/api/livekit/webhook', null, false],
		['the signed webhook, encoded and unmatched', 'POST', null, '/api/livekit/%77ebhook', null, false],
		["the transcriber's finals (a roomAdmin token, no Origin)", 'POST', '/api/transcriber/segments', '/api/transcriber/segments', null, false],
		['other origin on an unmatched path', 'POST', null, '/nothing/here', 'https://evil.example', true],
		['a lookalike origin', 'DELETE', '/api/rooms/[code=code]/end', '/api/rooms/abc-defg-hij/end', 'http://localhost:3000.evil.example', true]
	])('%s → refused %s', (_name, method, routeId, path, origin, refused) => {
		expect(isCrossOriginApiWrite(method, routeId, url(path), origin)).toBe(refused);
	});
});
