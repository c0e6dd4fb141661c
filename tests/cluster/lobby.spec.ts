import { expect, test } from '@playwright/test';
import { joinAs, newParticipantPage } from '../e2e/support';

/**
 * The test cluster's app processes, reached directly (not through nginx). They trust the
 * proxy's X-Forwarded-For for the client's address (TRUST_PROXY=1), so a browser reaching one
 * directly sends it, as nginx would.
 */
const APP_1 = 'http://localhost:3401';
const APP_2 = 'http://localhost:3402';
const AS_NGINX = { 'x-forwarded-for': '127.0.0.1' };

test('a knock waiting on one app process is admitted by a host on the other, straight into the call', async ({ browser }) => {
	const host = await newParticipantPage(browser);
	await host.context.setExtraHTTPHeaders(AS_NGINX);
	// The host's pages and requests go to one process (a new meeting asks to join).
	await host.page.goto(`${APP_1}/`);
	await host.page.getByTestId('new-meeting').click();
	await host.page.waitForURL(/\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
	const code = new URL(host.page.url()).pathname.slice(1);
	expect(new URL(host.page.url()).origin).toBe(APP_1);
	await joinAs(host.page, 'Hana Host');

	// The guest's page, its lobby stream included, is served by the other process.
	const guest = await newParticipantPage(browser);
	await guest.context.setExtraHTTPHeaders(AS_NGINX);
	await guest.page.goto(`${APP_2}/${code}`);
	await expect(guest.page.getByTestId('preview-video')).toBeVisible();
	await guest.page.getByTestId('display-name').fill('Gus Guest');
	await guest.page.getByTestId('join-meeting').click();
	await expect(guest.page.getByTestId('lobby-wait')).toHaveAttribute('data-state', 'waiting');

	// The host's notice comes through LiveKit; the answer reaches the guest's process through PostgreSQL.
	await expect(host.page.getByTestId('lobby-notice-name')).toHaveText('Gus Guest');
	await host.page.getByTestId('lobby-admit').click();
	await expect(guest.page.getByTestId('toggle-mic')).toBeEnabled();
	await expect(host.page.getByTestId('participant-count')).toHaveText('2');
	await expect(guest.page.getByTestId('participant-count')).toHaveText('2');
	await guest.context.close();
	await host.context.close();
});
