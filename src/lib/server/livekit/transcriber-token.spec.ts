import { AccessToken } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { verifyTranscriberToken } from './transcriber-token';

const KEY = 'devkey';
const SECRET = 'a-secret-of-at-least-thirty-two-characters';

async function token(grant: Record<string, unknown>, secret = SECRET, ttl = 60): Promise<string> {
	const t = new AccessToken(KEY, secret, { identity: 'agent', ttl });
	t.addGrant(grant);
	return t.toJwt();
}

describe('verifyTranscriberToken', () => {
	it.each<[string, () => Promise<string | null>, unknown]>([
		['roomAdmin for a room', async () => `Bearer ${await token({ roomAdmin: true, room: 'abc-defg-hij' })}`, { ok: true, room: 'abc-defg-hij' }],
		['no header', async () => null, { ok: false, reason: 'missing' }],
		['not a bearer', async () => `Basic ${await token({ roomAdmin: true, room: 'abc-defg-hij' })}`, { ok: false, reason: 'missing' }],
		['signed with another secret', async () => `Bearer ${await token({ roomAdmin: true, room: 'abc-defg-hij' }, 'another-secret-of-thirty-two-characters!')}`, { ok: false, reason: 'invalid' }],
		['expired', async () => `Bearer ${await token({ roomAdmin: true, room: 'abc-defg-hij' }, SECRET, -120)}`, { ok: false, reason: 'invalid' }],
		["a browser's token (join, no roomAdmin)", async () => `Bearer ${await token({ roomJoin: true, room: 'abc-defg-hij', canPublish: true })}`, { ok: false, reason: 'not_admin' }],
		['roomAdmin without a room', async () => `Bearer ${await token({ roomAdmin: true })}`, { ok: false, reason: 'not_admin' }],
		['garbage', async () => 'Bearer not.a.jwt', { ok: false, reason: 'invalid' }]
	])('%s', async (_name, header, expected) => {
		expect(await verifyTranscriberToken(await header(), KEY, SECRET)).toEqual(expected);
	});
});
