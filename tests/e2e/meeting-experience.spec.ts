import { expect, test, type Locator, type Page } from '@playwright/test';
import { SpeechBot } from '../support/speech-bot.ts';
import { readPcm16, speechWav } from '../support/speech.ts';
import { createMeeting, hostAndGuest, joinAs, newParticipantPage, openWithCode, tileOf } from './support';

/** Clicks the dock's microphone button in the same moment it is enabled, as the call opens: before the join has published. */
async function muteOnceEnabled(page: Page): Promise<void> {
	await page.evaluate(() => {
		const observer = new MutationObserver(() => {
			const button = document.querySelector<HTMLButtonElement>('[data-testid="toggle-mic"]');
			if (!button || button.disabled) return;
			observer.disconnect();
			button.click();
		});
		observer.observe(document.body, { subtree: true, childList: true, attributes: true });
	});
}

test('the grid follows the people in the call, the speaker stands out, and a pin takes the stage', async ({ browser, baseURL }) => {
	test.setTimeout(180_000);
	const host = await newParticipantPage(browser);
	const code = await createMeeting(host.page);
	await muteOnceEnabled(host.page); // the fake microphone beeps; keep the speaker the bot
	await joinAs(host.page, 'Hana Host');
	const grid = host.page.getByTestId('grid');
	await expect(grid).toHaveAttribute('data-columns', '1');

	const guest = await newParticipantPage(browser);
	await openWithCode(guest.page, code);
	await muteOnceEnabled(guest.page);
	await joinAs(guest.page, 'Gus Guest');
	await expect(grid).toHaveAttribute('data-columns', '2');
	await expect(grid).toHaveAttribute('data-rows', '1');
	// Both muted in the dock the moment the call opened, before their join had published (the
	// guest's waits for the host's video to play first): the microphones stay off.
	for (const [page, other] of [[host.page, 'Gus Guest'], [guest.page, 'Hana Host']] as const) {
		await expect(page.getByTestId('toggle-mic')).toHaveAttribute('aria-pressed', 'true');
		await expect(tileOf(page, other).getByTestId('tile-video')).toBeVisible();
	}
	await host.page.waitForTimeout(1000);
	for (const [page, other] of [[host.page, 'Gus Guest'], [guest.page, 'Hana Host']] as const) {
		await expect(page.getByTestId('toggle-mic')).toHaveAttribute('aria-pressed', 'true');
		await expect(tileOf(page, other).getByTestId('mic-muted')).toBeVisible();
	}
	// The guest's video keeps playing in the same element through everything below (people
	// joining, someone speaking): marks on its stream would be lost if it were re-attached.
	await expect(tileOf(host.page, 'Gus Guest').getByTestId('tile-video')).toBeVisible();
	await markPlayback(tileOf(host.page, 'Gus Guest'));

	const third = await newParticipantPage(browser);
	await openWithCode(third.page, code);
	await joinAs(third.page, 'Cy Third');
	await third.page.getByTestId('toggle-mic').click();
	for (const { page } of [host, guest, third]) {
		await expect(page.getByTestId('tile')).toHaveCount(3);
		await expect(page.getByTestId('grid')).toHaveAttribute('data-columns', '2');
		await expect(page.getByTestId('grid')).toHaveAttribute('data-rows', '2');
	}

	const bot = await SpeechBot.join(baseURL!, code, 'Speech Bot');
	await expect(host.page.getByTestId('tile')).toHaveCount(4);
	await expect(grid).toHaveAttribute('data-columns', '2');
	await expect(host.page.getByText('Speech Bot joined')).toBeVisible();

	// The bot talks: after the debounce its tile is the active one, the others dimmed.
	const speaking = bot.speak(readPcm16(speechWav(['I am talking for a while so that everybody can see me as the speaker of this meeting.'])));
	await expect(tileOf(host.page, 'Speech Bot')).toHaveAttribute('data-emphasis', 'active', { timeout: 15_000 });
	await expect(tileOf(host.page, 'Gus Guest')).toHaveAttribute('data-emphasis', 'dimmed');
	await speaking;
	expect(await playbackKept(tileOf(host.page, 'Gus Guest'))).toEqual({ video: true, emptied: false });

	// Pin the guest: they take the stage, the others move to the strip.
	await tileOf(host.page, 'Gus Guest').hover();
	await tileOf(host.page, 'Gus Guest').getByTestId('pin').click();
	await expect(host.page.getByTestId('strip').getByTestId('tile')).toHaveCount(3);
	await expect(host.page.getByTestId('grid')).toHaveCount(0);

	// The guest and the third leave: the pin goes with the guest, the grid returns to side by side.
	await guest.page.getByTestId('leave').click();
	await third.page.getByTestId('leave').click();
	await expect(host.page.getByTestId('tile')).toHaveCount(2);
	await expect(grid).toHaveAttribute('data-columns', '2');
	await expect(grid).toHaveAttribute('data-rows', '1');
	await expect(host.page.getByText('Gus Guest left')).toBeVisible();
	await third.context.close();

	await bot.leave();
	await guest.context.close();
	await host.context.close();
});

/** Marks a tile's video stream and notes if the element is ever emptied (a re-attach does both). */
function markPlayback(tile: Locator) {
	return tile.getByTestId('tile-video').evaluate((video: HTMLVideoElement) => {
		(video.srcObject as MediaStream & { stoomMark?: boolean }).stoomMark = true;
		video.addEventListener('emptied', () => (video.dataset.emptied = 'yes'));
	});
}

function playbackKept(tile: Locator) {
	return tile.getByTestId('tile-video').evaluate((video: HTMLVideoElement) => ({
		video: (video.srcObject as (MediaStream & { stoomMark?: boolean }) | null)?.stoomMark === true,
		emptied: video.dataset.emptied === 'yes'
	}));
}

test('at most two panels show; the kept one survives a third and the choice survives a reload', async ({ browser }) => {
	const { page, context } = await newParticipantPage(browser);
	await createMeeting(page);
	await joinAs(page, 'Pat Panels');
	await expect(page.getByTestId('panel-videoFeeds')).toBeVisible();

	await page.getByTestId('panel-toggle-whiteboard').click();
	await expect(page.locator('[data-testid^="panel-"][aria-label]')).toHaveCount(2);
	await page.getByTestId('panel-keep-videoFeeds').click();
	await page.getByTestId('panel-toggle-screenShare').click();
	await expect(page.getByTestId('panel-videoFeeds')).toBeVisible();
	await expect(page.getByTestId('panel-screenShare')).toBeVisible();
	await expect(page.getByTestId('panel-whiteboard')).toHaveCount(0);

	// Without a kept panel, the least recently opened one gives way.
	await page.getByTestId('panel-keep-videoFeeds').click();
	await page.getByTestId('panel-toggle-whiteboard').click();
	await expect(page.getByTestId('panel-videoFeeds')).toHaveCount(0);
	await page.getByTestId('panel-keep-whiteboard').click();

	await page.reload();
	await joinAs(page, 'Pat Panels');
	// The remembered choice returns (a screen-share panel with nobody presenting does not).
	await expect(page.getByTestId('panel-whiteboard')).toBeVisible();
	await expect(page.getByTestId('panel-keep-whiteboard')).toHaveCount(0);
	await page.getByTestId('panel-toggle-videoFeeds').click();
	await expect(page.getByTestId('panel-keep-whiteboard')).toHaveAttribute('aria-pressed', 'true');
	await context.close();
});

test('the host sees everyone, mutes and removes people, and ends the meeting for all; guests cannot', async ({ browser, baseURL }) => {
	const { host, guest, code } = await hostAndGuest(browser);
	const bot = await SpeechBot.join(baseURL!, code, 'Speech Bot');

	await host.page.getByTestId('toggle-people').click();
	const rows = host.page.getByTestId('participant-row');
	await expect(rows).toHaveCount(3);
	const guestRow = rows.filter({ hasText: 'Gus Guest' });
	await guestRow.getByTestId('host-mute').click();
	await expect(tileOf(host.page, 'Gus Guest').getByTestId('mic-muted')).toBeVisible();
	await expect(guest.page.getByTestId('toggle-mic')).toHaveAttribute('aria-pressed', 'true');

	await rows.filter({ hasText: 'Speech Bot' }).getByTestId('host-remove').click();
	await expect(rows).toHaveCount(2);

	// Every host endpoint refuses a guest.
	const headers = { origin: baseURL!, 'content-type': 'application/json' };
	const hostIdentity = await tileOf(guest.page, 'Hana Host').getAttribute('data-identity');
	for (const [path, data] of [
		[`/api/rooms/${code}/participants/${hostIdentity}`, { action: 'mute' }],
		[`/api/rooms/${code}/participants/${hostIdentity}`, { action: 'remove' }],
		[`/api/rooms/${code}/end`, {}],
		[`/api/rooms/${code}/recording`, { action: 'start' }]
	] as const) {
		expect((await guest.context.request.post(`${baseURL}${path}`, { headers, data })).status(), path).toBe(403);
	}
	expect((await guest.page.goto(`/${code}/settings`))?.status()).toBe(403);
	await guest.page.goto(`/${code}`);
	await joinAs(guest.page, 'Gus Guest');

	await host.page.getByTestId('end-for-all').click();
	await expect(guest.page.getByTestId('connection-status')).toContainText('The meeting has ended.');
	await bot.leave().catch(() => undefined);
	await guest.context.close();
	await host.context.close();
});

test('host settings apply to the next join: password, mute and camera off, lock, and a host link', async ({ browser }) => {
	const host = await newParticipantPage(browser);
	const code = await createMeeting(host.page);
	await host.page.goto(`/${code}/settings`);
	await host.page.getByTestId('settings-password').fill('tulip garden 42');
	await host.page.getByTestId('settings-mute').check();
	await host.page.getByTestId('settings-camera').check();
	await host.page.getByTestId('settings-save').click();
	await expect(host.page.getByTestId('settings-saved')).toBeVisible();
	const stored = await host.context.request.get(`/${code}/settings`);
	expect(await stored.text()).not.toContain('tulip garden 42');

	const guest = await newParticipantPage(browser);
	await openWithCode(guest.page, code);
	await expect(guest.page.getByTestId('prejoin-mic')).toHaveAttribute('aria-pressed', 'true');
	await expect(guest.page.getByTestId('prejoin-camera')).toHaveAttribute('aria-pressed', 'true');
	await guest.page.getByTestId('display-name').fill('Gus Guest');
	await guest.page.getByTestId('room-password').fill('wrong');
	await guest.page.getByTestId('join-meeting').click();
	await expect(guest.page.getByText('Wrong password. Ask the host for it.')).toBeVisible();
	await guest.page.getByTestId('room-password').fill('tulip garden 42');
	await guest.page.getByTestId('join-meeting').click();
	await expect(guest.page.getByTestId('toggle-mic')).toBeEnabled();
	await expect(guest.page.getByTestId('toggle-mic')).toHaveAttribute('aria-pressed', 'true');

	await host.page.getByTestId('settings-locked').check();
	await host.page.getByTestId('settings-save').click();
	await expect(host.page.getByTestId('settings-saved')).toBeVisible();
	const late = await newParticipantPage(browser);
	await openWithCode(late.page, code);
	await late.page.getByTestId('display-name').fill('Late Larry');
	await late.page.getByTestId('room-password').fill('tulip garden 42');
	await late.page.getByTestId('join-meeting').click();
	await expect(late.page.getByText('The host has locked this meeting. Ask them to unlock it.')).toBeVisible();

	await host.page.getByTestId('make-host-link').click();
	const link = await host.page.getByTestId('host-link').inputValue();
	await late.page.goto(link);
	await expect(late.page.getByText('You are the host of this meeting.')).toBeVisible();
	for (const ctx of [host, guest, late]) await ctx.context.close();
});
