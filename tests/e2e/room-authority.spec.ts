import { expect, test } from '@playwright/test';
import { hostAndGuest, joinAs } from './support';

test('a removed guest is refused on every way back in, and is told why', async ({ browser, baseURL }) => {
	const { host, guest, code } = await hostAndGuest(browser);

	await host.page.getByTestId('toggle-people').click();
	await host.page.getByTestId('participant-row').filter({ hasText: 'Gus Guest' }).getByTestId('host-remove').click();
	await expect(guest.page.getByTestId('connection-status')).toContainText('The host removed you from the meeting.');

	// Rejoin asks the server for a token: refused, with the reason.
	await guest.page.getByTestId('rejoin').click();
	await expect(guest.page.getByTestId('connection-status')).toContainText('The host removed you from this meeting. You cannot rejoin it.');

	// The chat and the token endpoints refuse the browser too.
	const headers = { origin: baseURL!, 'content-type': 'application/json' };
	expect((await guest.context.request.get(`${baseURL}/api/rooms/${code}/chat`)).status()).toBe(403);
	expect((await guest.context.request.post(`${baseURL}/api/rooms/${code}/chat`, { headers, data: { text: 'let me in', clientId: 'c-12345678' } })).status()).toBe(403);
	expect((await guest.context.request.post(`${baseURL}/api/rooms/${code}/token`, { headers, data: {} })).status()).toBe(403);

	// Going through the join step again from the same browser: refused for the rest of the meeting.
	await guest.page.goto(`/${code}`);
	await expect(guest.page.getByTestId('preview-video')).toBeVisible();
	await guest.page.getByTestId('display-name').fill('Someone Else');
	await guest.page.getByTestId('join-meeting').click();
	await expect(guest.page.getByText('The host removed you from this meeting. You cannot rejoin it.')).toBeVisible();
	await expect(host.page.getByTestId('participant-row')).toHaveCount(1);
	await guest.context.close();
	await host.context.close();
});

test('after End for all, Rejoin says the meeting has ended; the host can start a new one', async ({ browser }) => {
	const { host, guest, code } = await hostAndGuest(browser);

	await host.page.getByTestId('toggle-people').click();
	await host.page.getByTestId('end-for-all').click();
	await expect(guest.page.getByTestId('connection-status')).toContainText('The meeting has ended.');
	await guest.page.getByTestId('rejoin').click();
	await expect(guest.page.getByTestId('connection-status')).toContainText('This meeting has ended.');

	// A new meeting in the same room: through the join step, with an empty chat.
	await host.page.goto(`/${code}`);
	await joinAs(host.page, 'Hana Host');
	await expect(host.page.getByTestId('participant-count')).toHaveText('1');
	await guest.context.close();
	await host.context.close();
});
