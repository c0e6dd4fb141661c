import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { verifySignature } from '../../src/lib/server/item-webhooks/signing';
import { createMeeting, newParticipantPage } from './support';

test('a host sets the room’s item webhook, copies its secret, sends a test event the receiver verifies, and sees it in the log', async ({ browser }) => {
	test.setTimeout(90_000);
	// A tracker on loopback (the test app allows private targets).
	const received: { headers: IncomingHttpHeaders; body: string }[] = [];
	const receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(204).end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/stoom`;

	try {
		const { page } = await newParticipantPage(browser);
		const code = await createMeeting(page);
		await page.goto(`/${code}/settings`);
		const section = page.getByTestId('item-webhook');
		await expect(section.getByTestId('item-webhook-state')).toHaveText('No webhook yet.');

		await section.getByTestId('item-webhook-url').fill('ftp://tracker.example.com/x');
		await section.getByTestId('item-webhook-save').click();
		await expect(section.getByTestId('item-webhook-error')).toHaveText('Only http:// and https:// addresses can receive webhooks.');

		await section.getByTestId('item-webhook-url').fill(url);
		await section.getByTestId('item-webhook-save').click();
		const secret = await section.getByTestId('item-webhook-secret').inputValue();
		expect(secret).toMatch(/^whsec_/);
		await expect(section.getByTestId('item-webhook-state')).toHaveText('On: events are sent.');

		await section.getByTestId('item-webhook-test').click();
		await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
		const [request] = received;
		const headers = { id: String(request!.headers['webhook-id']), timestamp: String(request!.headers['webhook-timestamp']), signature: String(request!.headers['webhook-signature']) };
		expect(verifySignature(secret, headers, request!.body)).toBe(true);
		const body = JSON.parse(request!.body);
		expect(body).toMatchObject({ id: headers.id, type: 'webhook.test', room: { code }, item: { roomCode: code, status: 'open' } });

		await expect
			.poll(
				async () => {
					await page.reload();
					return section.getByTestId('item-webhook-log').locator('tbody tr').first().innerText();
				},
				{ timeout: 10_000 }
			)
			.toMatch(/webhook\.test\s+delivered\s+1\s+204/);
	} finally {
		receiver.close();
	}
});
