import { expect, test } from '@playwright/test';
import { Room } from '@livekit/rtc-node';
import { caption, standInAgent } from '../support/stand-in-agent.ts';
import { createMeeting, joinAs, newParticipantPage, tileOf } from './support';

/*
 * The captions UI without the transcriber: a stand-in agent (a LiveKit participant of kind
 * AGENT, as the dispatched transcriber is) publishes the contract's `lk.transcription` streams
 * and status attributes. The real transcriber's speech-to-caption test is the lead's. (The
 * statuses behind/unavailable are not checked here: a real transcriber dispatched to the room
 * says live, and the better status counts — captions-prefs.spec.)
 */

/** A participant admitted through Stoom's join step and token endpoint, as a browser is (a standard one). */
async function joinedThroughStoom(url: string, code: string, name: string): Promise<Room> {
	const origin = new URL(url).origin;
	const joined = await fetch(`${origin}/${code}?/join`, {
		method: 'POST',
		headers: { origin, 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ displayName: name, password: '' })
	});
	const cookie = joined.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const answer = await fetch(`${origin}/api/rooms/${code}/token`, { method: 'POST', headers: { origin, cookie, 'content-type': 'application/json' }, body: '{}' });
	const { token, wsUrl } = (await answer.json()) as { token: string; wsUrl: string };
	const room = new Room();
	await room.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
	return room;
}


test('captions: the agent is no person, C turns them on, interim settles into final, the transcript panel lists the finals, a non-agent cannot forge them, the host switches them and keeps the transcript, and size and position are remembered', async ({ browser }) => {
	test.setTimeout(120_000);
	const ann = await newParticipantPage(browser);
	const code = await createMeeting(ann.page);
	await joinAs(ann.page, 'Ann Speaker');
	const page = ann.page;
	// The real transcriber may be dispatched here too: nothing of this browser's for it to caption.
	await page.getByTestId('toggle-mic').click();
	await expect(page.getByTestId('toggle-mic')).toHaveAttribute('aria-pressed', 'true');
	const agent = await standInAgent(code);
	await agent.localParticipant!.setAttributes({ 'stoom.captions': 'live' });

	// Everyone sees that speech is transcribed; the agent has no tile and is not counted.
	await expect(page.getByTestId('transcription-indicator')).toHaveAttribute('data-kept', 'false');
	await expect(page.getByTestId('participant-count')).toHaveText('1');
	await expect(page.getByTestId('tile')).toHaveCount(1);
	await expect(tileOf(page, 'Captions')).toHaveCount(0);

	// Off until asked; C turns them on.
	await expect(page.getByTestId('captions')).toHaveCount(0);
	await page.keyboard.press('c');
	await expect(page.getByTestId('toggle-captions')).toHaveAttribute('aria-pressed', 'true');
	// On, with nothing said yet: the region is there, empty.
	const overlay = page.getByTestId('captions');
	await expect(overlay).toHaveCount(1);
	await expect(overlay.getByTestId('caption-line')).toHaveCount(0);

	// Mallory joins now, not between the two finals below: a final line fades 5 s after it is said,
	// and a join on two busy cores can take that long.
	const mallory = await joinedThroughStoom(page.url(), code, 'Mallory');
	await expect(page.getByTestId('participant-count')).toHaveText('2');

	// An interim shows lighter, then the final replaces it.
	await agent.localParticipant!.sendText('Hello every', caption('SG_1', 'Hello every', false));
	await expect(overlay.getByTestId('caption-interim')).toHaveText('Hello every');
	await expect(overlay.getByTestId('caption-speaker')).toHaveText('Ann Speaker:');
	await agent.localParticipant!.sendText('Hello everyone.', caption('SG_1', 'Hello everyone.', true));
	await expect(overlay.getByTestId('caption-line')).toHaveText(/Ann Speaker:\s*Hello everyone\./);
	await expect(overlay.getByTestId('caption-interim')).toHaveCount(0);

	// Someone in the call (not an agent) sending on the topic is ignored; the agent still not counted.
	await mallory.localParticipant!.sendText('forged caption', caption('SG_F', 'forged caption', true));
	await agent.localParticipant!.sendText('Shall we start?', caption('SG_2', 'Shall we start?', true));
	await expect(overlay.getByTestId('caption-line')).toHaveText(/Hello everyone\.\s*Shall we start\?/);
	await expect(overlay).not.toContainText('forged');
	await mallory.disconnect();

	// The transcript panel lists the finals with their speaker.
	await page.getByTestId('toggle-transcript').click();
	const live = page.getByTestId('live-transcript');
	await expect(live.getByTestId('live-line')).toHaveCount(2);
	await expect(live.getByTestId('live-line').last()).toContainText('Shall we start?');
	await expect(live).not.toContainText('forged');

	// The host turns the room's captions off (the CC button is disabled, the overlay goes) and on again,
	// then keeps the transcript: everyone's indicator says so, and Catch me up answers.
	await page.getByTestId('toggle-people').click();
	await page.getByTestId('host-captions').click();
	await expect(page.getByTestId('host-captions')).toHaveAttribute('aria-checked', 'false');
	await expect(page.getByTestId('toggle-captions')).toBeDisabled();
	await expect(page.getByTestId('captions')).toHaveCount(0);
	await page.getByTestId('host-captions').click();
	await expect(page.getByTestId('captions')).toHaveCount(1);
	await page.getByTestId('host-transcribe').click();
	await expect(page.getByTestId('host-transcribe')).toHaveAttribute('aria-checked', 'true');
	await expect(page.getByTestId('transcription-indicator')).toHaveAttribute('data-kept', 'true');
	await page.getByTestId('toggle-transcript').click();
	await page.getByTestId('catch-up-button').click();
	await expect(page.getByTestId('catch-up-notes')).toBeVisible();

	// Size and position, remembered by the browser across a reload (captions still on).
	await page.getByTestId('captions-settings').click();
	await page.getByTestId('captions-size-large').click();
	await page.getByTestId('captions-position-top').click();
	await expect(overlay).toHaveAttribute('data-size', 'large');
	await expect(overlay).toHaveAttribute('data-position', 'top');
	await page.reload();
	await joinAs(page, 'Ann Speaker');
	await expect(page.getByTestId('captions')).toHaveAttribute('data-size', 'large');
	await expect(page.getByTestId('captions')).toHaveAttribute('data-position', 'top');

	await agent.disconnect();
	await ann.context.close();
});
