import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slowAnswer } from './slow-answer';

// A local server that answers only after a pause; fetch with slowAnswer must wait for it
// within the caller's own limit (the dispatcher's limits are the caller's timeout).
let server: Server;
let url: string;
beforeAll(async () => {
	server = createServer((req, res) => setTimeout(() => res.end('late'), Number(req.url!.slice(1))));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('slowAnswer', () => {
	it('waits for headers as long as the given limit', async () => {
		const response = await fetch(`${url}1500`, { ...slowAnswer(3_000), signal: AbortSignal.timeout(3_000) });
		expect(await response.text()).toBe('late');
	});

	it('gives up when headers take longer than the limit', async () => {
		const failure = await fetch(`${url}4000`, { ...slowAnswer(1_000) }).catch((e: Error) => e);
		expect((failure as Error).cause).toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
	});

	it('shares one pool per limit', () => {
		expect((slowAnswer(5_000) as { dispatcher: unknown }).dispatcher).toBe((slowAnswer(5_000) as { dispatcher: unknown }).dispatcher);
		expect((slowAnswer(5_000) as { dispatcher: unknown }).dispatcher).not.toBe((slowAnswer(6_000) as { dispatcher: unknown }).dispatcher);
	});
});
