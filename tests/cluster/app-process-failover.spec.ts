import { expect, test } from '@playwright/test';
import { createMeeting, joinAs, newParticipantPage, openWithCode, tileOf } from '../e2e/support';
import { wordErrorRate } from '../support/wer.ts';
import { cluster } from './cluster';
import { recordedMeeting } from './recording';

const SENTENCES = ['Please send the quarterly report to Maria before Friday.', 'We will meet again next Tuesday at ten in the morning.'];

test.afterEach(() => cluster('start'));

test('when an app process is killed, chat, tokens and host actions go on through the other one with no error shown', async ({ browser, baseURL }) => {
	const host = await newParticipantPage(browser);
	const guest = await newParticipantPage(browser);
	const code = await createMeeting(host.page);
	await joinAs(host.page, 'Hana Host');
	await openWithCode(guest.page, code);
	await joinAs(guest.page, 'Gus Guest');
	await guest.page.getByTestId('toggle-chat').click();
	await host.page.getByTestId('toggle-chat').click();

	cluster('kill', 'app-1');

	// Every request from here on reaches nginx first; half of them would go to the dead process.
	for (let i = 0; i < 4; i++) {
		await guest.page.getByTestId('chat-input').fill(`message ${i + 1}`);
		await guest.page.getByTestId('chat-input').press('Enter');
		await expect(host.page.getByTestId('chat-panel').getByTestId('chat-text').last()).toHaveText(`message ${i + 1}`);
	}
	await expect(guest.page.getByTestId('chat-error')).toHaveCount(0);
	for (let i = 0; i < 4; i++) {
		const token = await guest.context.request.post(`${baseURL}/api/rooms/${code}/token`, { headers: { origin: baseURL!, 'content-type': 'application/json' }, data: {} });
		expect(token.status()).toBe(200);
	}
	await host.page.getByTestId('toggle-people').click();
	await host.page.getByTestId('participant-row').filter({ hasText: 'Gus Guest' }).getByTestId('host-mute').click();
	await expect(tileOf(host.page, 'Gus Guest').getByTestId('mic-muted')).toBeVisible();
	await expect(guest.page.getByTestId('toggle-mic')).toHaveAttribute('aria-pressed', 'true');

	// A reload (history and all) is served by the survivor too.
	await guest.page.reload();
	await expect(guest.page.getByTestId('preview-video')).toBeVisible();
	await host.context.close();
	await guest.context.close();
});

test('pipeline jobs in flight when an app process is killed finish once on the other', async ({ browser, baseURL }) => {
	test.setTimeout(300_000);
	const meeting = await recordedMeeting(browser, baseURL!);
	await meeting.say(...SENTENCES);
	// The run is finalizing and its speakers go to Whisper as the stop returns: one of the two
	// processes holds those jobs. It dies; the other takes them over when their heartbeat stops.
	const read = meeting.stopAndRead(1);
	await meeting.host.page.getByTestId('recording-indicator').waitFor({ state: 'detached', timeout: 30_000 });
	cluster('kill', 'app-1');
	const { text, speakers } = await read;
	// Each sentence once: a job run twice would write its lines twice.
	expect(wordErrorRate(SENTENCES.join(' '), text)).toBeLessThanOrEqual(0.25);
	expect(new Set(speakers)).toEqual(new Set(['Speech Bot']));
	await meeting.close();
});
