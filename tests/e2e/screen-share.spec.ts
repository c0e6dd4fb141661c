import { expect, test, type Page } from '@playwright/test';
import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { createMeeting, joinAs, newParticipantPage, openWithCode } from './support';

/** LiveKit's own view: the names of everyone publishing a screen in the room. */
async function screenPublishers(code: string): Promise<string[]> {
	const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = process.env;
	const rooms = new RoomServiceClient(LIVEKIT_URL!, LIVEKIT_API_KEY!, LIVEKIT_API_SECRET!);
	const participants = await rooms.listParticipants(code);
	return participants.filter((p) => p.tracks.some((t) => t.source === TrackSource.SCREEN_SHARE)).map((p) => p.name);
}

/** The stage shows a screen that is really playing, presented by `name`. */
async function expectScreenFrom(page: Page, name: string) {
	await expect(page.getByTestId('presenter-name')).toHaveText(name);
	const video = page.getByTestId('screen-share-video');
	await expect(video).toBeVisible();
	await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth * (v.currentTime > 0 ? 1 : 0)), { timeout: 20_000 }).toBeGreaterThan(0);
}

test('Bo takes over from Ada: her share ends, she is told why, everyone sees Bo’s screen', async ({ browser }) => {
	// Three browsers on a shared 2-core machine: joins alone can take a minute under load.
	test.setTimeout(240_000);
	const ada = await newParticipantPage(browser);
	const code = await createMeeting(ada.page);
	await joinAs(ada.page, 'Ada');
	const bo = await newParticipantPage(browser);
	await openWithCode(bo.page, code);
	await joinAs(bo.page, 'Bo');
	const cy = await newParticipantPage(browser);
	await openWithCode(cy.page, code);
	await joinAs(cy.page, 'Cy');

	await ada.page.getByTestId('toggle-screen-share').click();
	await expect(ada.page.getByTestId('toggle-screen-share')).toHaveAttribute('aria-pressed', 'true');
	await expect(ada.page.getByTestId('screen-share-notice')).toHaveText('You are presenting');
	for (const { page } of [bo, cy]) {
		await expect(page.getByTestId('screen-share-notice')).toHaveText('Ada is presenting');
		await expectScreenFrom(page, 'Ada');
	}
	await expect.poll(() => screenPublishers(code)).toEqual(['Ada']);

	await bo.page.getByTestId('toggle-screen-share').click();
	await expect(ada.page.getByTestId('screen-share-notice')).toHaveText('Your presentation was stopped: Bo took over');
	await expect(ada.page.getByTestId('toggle-screen-share')).toHaveAttribute('aria-pressed', 'false');
	await expect(cy.page.getByTestId('screen-share-notice')).toHaveText('Bo took over from Ada');
	await expect(bo.page.getByTestId('screen-share-notice')).toHaveText('You took over from Ada');
	await expectScreenFrom(ada.page, 'Bo');
	await expectScreenFrom(cy.page, 'Bo');
	await expectScreenFrom(bo.page, 'You');
	// Ada's track is really gone, not just hidden.
	await expect.poll(() => screenPublishers(code)).toEqual(['Bo']);

	await bo.page.getByTestId('toggle-screen-share').click();
	for (const { page } of [ada, cy]) {
		await expect(page.getByTestId('screen-share-notice')).toHaveText('Bo stopped presenting');
		await expect(page.getByTestId('screen-share-video')).toHaveCount(0);
	}
	await expect.poll(() => screenPublishers(code)).toEqual([]);

	for (const { context } of [ada, bo, cy]) await context.close();
});

test('the host stops a guest’s presentation; a guest may not', async ({ browser }) => {
	const host = await newParticipantPage(browser);
	const code = await createMeeting(host.page);
	await joinAs(host.page, 'Hana');
	const guest = await newParticipantPage(browser);
	await openWithCode(guest.page, code);
	await joinAs(guest.page, 'Gil');

	const refused = await guest.page.request.post(`/api/rooms/${code}/screen-share/release`, { data: {}, headers: { origin: new URL(guest.page.url()).origin } });
	expect(refused.status()).toBe(403);

	await guest.page.getByTestId('toggle-screen-share').click();
	await expectScreenFrom(host.page, 'Gil');
	await host.page.getByTestId('stop-presenter').click();
	await expect(guest.page.getByTestId('screen-share-notice')).toHaveText('Your presentation was stopped by the host');
	await expect(guest.page.getByTestId('toggle-screen-share')).toHaveAttribute('aria-pressed', 'false');
	await expect.poll(() => screenPublishers(code)).toEqual([]);

	for (const { context } of [host, guest]) await context.close();
});
