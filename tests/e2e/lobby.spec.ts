import { expect, test, type Browser, type Page } from '@playwright/test';
import { createMeeting, joinAs, newParticipantPage, openWithCode } from './support';

// Several browsers with fake cameras on a shared 2-core machine.
test.setTimeout(300_000);

/** A guest at the pre-join of a meeting that asks to join: camera off (the lobby needs no video), name typed, Ask to join clicked. */
async function knock(browser: Browser, code: string, name: string, { camera = false } = {}): Promise<{ page: Page; close: () => Promise<void> }> {
	const { context, page } = await newParticipantPage(browser);
	await page.goto(`/${code}`);
	await expect(page.getByTestId('preview-video')).toBeVisible();
	if (!camera) await page.getByTestId('prejoin-camera').click();
	await page.getByTestId('display-name').fill(name);
	await expect(page.getByTestId('join-meeting')).toHaveText('Ask to join');
	await page.getByTestId('join-meeting').click();
	await expect(page.getByTestId('lobby-wait')).toContainText('Asking to be let in…');
	return { page, close: () => context.close() };
}

const inCall = (page: Page) => expect(page.getByTestId('toggle-mic')).toBeEnabled();

test('the lobby: knock, admit (straight into the call), deny, cancel, admit all', async ({ browser }) => {
	const host = await newParticipantPage(browser);
	const code = await createMeeting(host.page, { askToJoin: true });
	await joinAs(host.page, 'Hana Host');

	// Admitted from the notice: in the call without a second click.
	const ada = await knock(browser, code, 'Ada Admitted', { camera: true });
	await expect(ada.page.getByTestId('lobby-wait')).toHaveAttribute('data-state', 'waiting');
	await expect(host.page.getByTestId('lobby-notice-name')).toHaveText('Ada Admitted');
	await host.page.getByTestId('lobby-admit').click();
	await inCall(ada.page);
	await expect(host.page.getByTestId('participant-count')).toHaveText('2');

	// Denied: told so, with the wait before asking again.
	const dan = await knock(browser, code, 'Dan Denied');
	await expect(host.page.getByTestId('lobby-notice-name')).toHaveText('Dan Denied');
	await host.page.getByTestId('lobby-deny').click();
	await expect(dan.page.getByTestId('lobby-answer')).toContainText('The host did not let you in.');
	await expect(dan.page.getByTestId('lobby-answer')).toContainText('You can ask again in');

	// Cancelled: the host's list drops it.
	const cy = await knock(browser, code, 'Cy Cancels');
	await host.page.getByTestId('toggle-people').click();
	await expect(host.page.getByTestId('lobby-row')).toHaveText(/Cy Cancels/);
	await cy.page.getByTestId('lobby-cancel').click();
	await expect(host.page.getByTestId('lobby-row')).toHaveCount(0);

	// Two at once: "Admit all (2)".
	const [eve, fay] = [await knock(browser, code, 'Eve'), await knock(browser, code, 'Fay')];
	await expect(host.page.getByTestId('lobby-admit-all')).toHaveText('Admit all (2)');
	await host.page.getByTestId('lobby-admit-all').click();
	await inCall(eve.page);
	await inCall(fay.page);
	await expect(host.page.getByTestId('participant-count')).toHaveText('4');

	for (const p of [ada, dan, cy, eve, fay]) await p.close();
	await host.context.close();
});

test('a removed guest in a fresh browser profile lands in the lobby; a co-host turns them away, admits, and removes', async ({ browser }) => {
	const host = await newParticipantPage(browser);
	const code = await createMeeting(host.page); // an open meeting: anyone with the link comes in
	await joinAs(host.page, 'Hana Host');
	const cora = await newParticipantPage(browser);
	await openWithCode(cora.page, code);
	await joinAs(cora.page, 'Cora');
	const gus = await newParticipantPage(browser);
	await openWithCode(gus.page, code);
	await joinAs(gus.page, 'Gus');

	// The host names Cora co-host: her badge, and the controls, follow at once.
	await host.page.getByTestId('toggle-people').click();
	await host.page.getByTestId('participant-row').filter({ hasText: 'Cora' }).getByTestId('host-cohost').click();
	await expect(cora.page.getByTestId('toggle-people')).toBeVisible();
	await cora.page.getByTestId('toggle-people').click();
	await expect(cora.page.getByTestId('participant-row').filter({ hasText: 'Cora' }).getByTestId('participant-badge')).toHaveText('Co-host');
	await expect(cora.page.getByTestId('participant-row').filter({ hasText: 'Hana Host' }).getByTestId('host-remove')).toHaveCount(0);

	// Cora removes Gus.
	await cora.page.getByTestId('participant-row').filter({ hasText: 'Gus' }).getByTestId('host-remove').click();
	await expect(gus.page.getByTestId('connection-status')).toContainText('The host removed you from the meeting.');
	await expect(cora.page.getByTestId('lobby-alert')).toContainText('guests ask to join');

	// Gus opens a private window (a fresh profile), another name: the lobby, not the call.
	const again = await knock(browser, code, 'Not Gus');
	await expect(cora.page.getByTestId('lobby-notice-name')).toHaveText('Not Gus');
	await expect(cora.page.getByTestId('lobby-flag')).toBeVisible();
	await cora.page.getByTestId('lobby-deny').click();
	await expect(again.page.getByTestId('lobby-answer')).toContainText('The host did not let you in.');
	await expect(host.page.getByTestId('participant-count')).toHaveText('2');

	// Someone new knocks: the co-host lets them in.
	const nia = await knock(browser, code, 'Nia');
	await expect(cora.page.getByTestId('lobby-notice-name')).toHaveText('Nia');
	await cora.page.getByTestId('lobby-admit').click();
	await inCall(nia.page);

	for (const p of [again, nia]) await p.close();
	for (const p of [gus, cora, host]) await p.context.close();
});

test('a ghost (a join pass, never in the call) is refused chat, board and screen share, shows to the host, and sees no record', async ({ browser, baseURL }) => {
	const host = await newParticipantPage(browser);
	const code = await createMeeting(host.page);
	await joinAs(host.page, 'Hana Host');

	// The ghost posts the join step from a script and never connects to LiveKit.
	const ghost = await browser.newContext();
	const origin = new URL(baseURL!).origin;
	const joined = await ghost.request.post(`${origin}/${code}?/join`, {
		headers: { origin, 'x-sveltekit-action': 'true' },
		form: { displayName: 'Ghost', password: '' }
	});
	expect(joined.ok()).toBe(true);
	const headers = { origin, 'content-type': 'application/json' };
	const answers = {
		chatRead: (await ghost.request.get(`${origin}/api/rooms/${code}/chat`)).status(),
		chatWrite: (await ghost.request.post(`${origin}/api/rooms/${code}/chat`, { headers, data: { text: 'boo', clientId: 'ghost-0001' } })).status(),
		present: (await ghost.request.post(`${origin}/api/rooms/${code}/screen-share`, { headers, data: { action: 'start' } })).status(),
		boardRead: (await ghost.request.get(`${origin}/api/rooms/${code}/whiteboard`)).status(),
		boardWrite: (await ghost.request.post(`${origin}/api/rooms/${code}/whiteboard`, { headers: { origin, 'content-type': 'application/octet-stream' }, data: Buffer.from([0, 0]) })).status()
	};
	expect(answers).toEqual({ chatRead: 403, chatWrite: 403, present: 403, boardRead: 403, boardWrite: 403 });
	const refusal = await ghost.request.get(`${origin}/api/rooms/${code}/chat`);
	expect((await refusal.json()).message).toBe('You are not in the call right now. Rejoin first.');

	// The host sees them, connecting, and can remove them.
	await host.page.getByTestId('toggle-people').click();
	await expect(host.page.getByTestId('connecting-row')).toContainText('Ghost');

	// After the meeting, its record is the host's and the call's, not the ghost's.
	const sessionId = await host.page.evaluate(async (c) => {
		const response = await fetch(`/api/rooms/${c}/recording`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"start"}' });
		return ((await response.json()) as { sessionId: string }).sessionId;
	}, code);
	await host.page.getByTestId('end-for-all').click();
	await expect(host.page.getByTestId('connection-status')).toContainText('The meeting has ended.');
	expect((await ghost.request.get(`${origin}/${code}/meetings/${sessionId}`)).status()).toBe(403);
	expect((await host.page.request.get(`${origin}/${code}/meetings/${sessionId}`)).status()).toBe(200);
	await ghost.close();
	await host.context.close();
});
