import { chromium, expect, test, type Page } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { speechWav } from '../support/speech.ts';
import { createMeeting, hostAndGuest, joinAs, newParticipantPage, openWithCode, tileOf } from './support';

/** The names in the People panel's raised hands, in queue order. */
async function queueShown(page: Page): Promise<string[]> {
	return page.getByTestId('hand-row').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.name ?? ''));
}

async function openPeople(page: Page) {
	if ((await page.getByTestId('participants-panel').count()) === 0) await page.getByTestId('toggle-people').click();
	await expect(page.getByTestId('participants-panel')).toBeVisible();
}

/** Hands only move when someone asks: with microphones on, the fake microphone's beeps would count as speech. */
async function muteMic(page: Page) {
	await page.getByTestId('toggle-mic').click();
	await expect(page.getByTestId('toggle-mic')).toHaveAttribute('aria-pressed', 'true');
}

test('raised hands form one queue for everyone: the order raised, a host lowers one, a reload and a latecomer see it, a hand lowers itself after its owner speaks, the record keeps it; reactions reach the others and a host turns them off on the server', async ({ browser }) => {
	test.setTimeout(300_000); // four browsers with fake cameras, and a reload
	const alice = await newParticipantPage(browser);
	const bob = await newParticipantPage(browser);
	// Cleo's microphone talks (a spoken file, over and over) once she turns it on.
	const talking = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [...chromiumArgs, `--use-file-for-fake-audio-capture=${speechWav(['I have a question about the budget for the next quarter and the plan for the launch.'], 300)}`]
	});
	const cleo = await newParticipantPage(talking);
	const code = await createMeeting(alice.page);
	await joinAs(alice.page, 'Alice');
	await openWithCode(bob.page, code);
	await joinAs(bob.page, 'Bob');
	await openWithCode(cleo.page, code);
	await joinAs(cleo.page, 'Cleo');
	const everyone = [alice.page, bob.page, cleo.page];
	for (const page of everyone) {
		await muteMic(page);
		await openPeople(page);
		await expect(page.getByTestId('participant-row')).toHaveCount(3);
	}

	// Cleo, then Bob (the dock's button), then Alice (the shortcut) raise their hands.
	await cleo.page.getByTestId('toggle-hand').click();
	await expect(cleo.page.getByTestId('toggle-hand')).toHaveAttribute('aria-pressed', 'true');
	await expect.poll(() => queueShown(bob.page)).toEqual(['Cleo']);
	await bob.page.getByTestId('toggle-hand').click();
	await expect.poll(() => queueShown(alice.page)).toEqual(['Cleo', 'Bob']);
	await alice.page.keyboard.press('Control+Alt+KeyH');
	for (const page of everyone) await expect.poll(() => queueShown(page)).toEqual(['Cleo', 'Bob', 'Alice']);
	// Each tile shows its place in the queue.
	await expect(tileOf(bob.page, 'Cleo').getByTestId('tile-hand-position')).toHaveText('1');
	await expect(tileOf(cleo.page, 'Bob').getByTestId('tile-hand-position')).toHaveText('2');
	await expect(tileOf(cleo.page, 'Alice').getByTestId('tile-hand-position')).toHaveText('3');

	// A guest cannot lower someone else's hand, even by calling the server directly.
	const origin = new URL(bob.page.url()).origin;
	const cleosIdentity = await tileOf(alice.page, 'Cleo').getAttribute('data-identity');
	const refused = await bob.page.request.post(`${origin}/api/rooms/${code}/hands`, { data: { action: 'lower', identity: cleosIdentity }, headers: { origin } });
	expect(refused.status()).toBe(403);
	await expect(bob.page.getByTestId('hand-row').filter({ hasText: 'Cleo' }).getByTestId('hand-lower')).toHaveCount(0);

	// The host lowers Bob's hand: everyone's queue closes up.
	await alice.page.getByTestId('hand-row').filter({ hasText: 'Bob' }).getByTestId('hand-lower').click();
	for (const page of everyone) await expect.poll(() => queueShown(page)).toEqual(['Cleo', 'Alice']);
	await expect(bob.page.getByTestId('toggle-hand')).toHaveAttribute('aria-pressed', 'false');
	await expect(tileOf(bob.page, 'Alice').getByTestId('tile-hand-position')).toHaveText('2');

	// Bob reloads: the queue is the server's, so it is there again.
	await bob.page.reload();
	await joinAs(bob.page, 'Bob');
	await openPeople(bob.page);
	await expect.poll(() => queueShown(bob.page)).toEqual(['Cleo', 'Alice']);

	// A latecomer sees the queue too.
	const dan = await newParticipantPage(browser);
	await openWithCode(dan.page, code);
	await joinAs(dan.page, 'Dan');
	await openPeople(dan.page);
	await expect.poll(() => queueShown(dan.page)).toEqual(['Cleo', 'Alice']);
	await expect(tileOf(dan.page, 'Cleo').getByTestId('tile-hand-position')).toHaveText('1');
	await dan.context.close();

	// A reaction from Alice floats over her tile for Bob and Cleo, and passes in their stream.
	await alice.page.getByTestId('toggle-reactions').click();
	await alice.page.getByTestId('reaction-🎉').click();
	// Checked on both pages at once: a reaction shows for REACTION_SHOW_MS (4 s), which one page after the other can outlast on two busy cores.
	await Promise.all(
		[bob.page, cleo.page].flatMap((page) => [
			expect(page.getByTestId('reaction-stream-item').filter({ hasText: 'Alice' })).toContainText('🎉'),
			expect(tileOf(page, 'Alice').getByTestId('tile-reaction')).toHaveText('🎉')
		])
	);

	// The host turns reactions off: the picker goes from everyone's dock, and the server refuses one.
	await alice.page.getByTestId('access-reactions').uncheck();
	for (const page of everyone) await expect(page.getByTestId('toggle-reactions')).toHaveCount(0);
	const off = await cleo.page.request.post(`${origin}/api/rooms/${code}/reactions`, { data: { emoji: '👍' }, headers: { origin } });
	expect(off.status()).toBe(403);
	expect((await off.json()).message).toMatch(/turned reactions off/);

	// Cleo turns her microphone on and talks: once she has spoken a few seconds, her hand comes
	// down by itself.
	await cleo.page.getByTestId('toggle-mic').click();
	for (const page of everyone) await expect.poll(() => queueShown(page), { timeout: 40_000 }).toEqual(['Alice']);

	// The record's timeline keeps every hand raised, and how each came down.
	const record = await alice.page.context().newPage();
	await record.goto(`/${code}/meetings`);
	await record.getByTestId('past-meetings').getByRole('link').first().click();
	const moments = record.getByTestId('record-hand');
	await expect(moments).toHaveCount(3);
	await expect(moments.nth(0)).toContainText('Cleo raised a hand: lowered after speaking');
	await expect(moments.nth(1)).toContainText('Bob raised a hand: lowered by a host');
	await expect(moments.nth(2)).toContainText('Alice raised a hand');
	for (const context of [alice.context, bob.context, cleo.context]) await context.close();
	await talking.close();
});

test('the quality mark and the statistics show real figures in a two-person call; ? lists the shortcuts', async ({ browser }) => {
	test.setTimeout(180_000);
	const { host, guest } = await hostAndGuest(browser);

	// LiveKit rates the guest's connection within a few seconds.
	const mark = tileOf(host.page, 'Gus Guest').getByTestId('tile-quality');
	await expect(mark).toHaveAttribute('data-quality', /^(excellent|good|poor)$/, { timeout: 30_000 });

	// What the host receives from the guest.
	await mark.click();
	const stats = tileOf(host.page, 'Gus Guest').getByTestId('track-stats');
	await expect(stats.getByTestId('stats-resolution')).toHaveText(/^\d+×\d+$/);
	await expect.poll(async () => parseFloat(await stats.getByTestId('stats-fps').innerText())).toBeGreaterThan(0);
	await expect.poll(async () => parseFloat(await stats.getByTestId('stats-video-bitrate').innerText())).toBeGreaterThan(0);
	await expect.poll(async () => parseFloat(await stats.getByTestId('stats-audio-bitrate').innerText())).toBeGreaterThan(0);
	await expect.poll(async () => parseFloat(await stats.getByTestId('stats-rtt').innerText())).toBeGreaterThanOrEqual(0);
	await expect(stats.getByTestId('stats-video-codec')).toHaveText(/^(VP8|VP9|H264|AV1)$/i);
	await expect(stats.getByTestId('stats-video-loss')).toHaveText(/^\d+(\.\d)? %$/);

	// What the guest sends, on its own tile.
	const ownTile = guest.page.locator('[data-testid="tile"][data-local="true"]');
	await ownTile.getByTestId('tile-quality').click();
	const own = ownTile.getByTestId('track-stats');
	await expect(own).toContainText('What you send');
	await expect.poll(async () => parseFloat(await own.getByTestId('stats-video-bitrate').innerText())).toBeGreaterThan(0);
	await expect(own.getByTestId('stats-resolution')).toHaveText(/^\d+×\d+$/);

	// `?` lists the shortcuts, the new ones among them; Escape closes the list.
	await guest.page.keyboard.press('?');
	const list = guest.page.getByTestId('shortcuts-dialog');
	await expect(list).toBeVisible();
	await expect(list).toContainText('Raise or lower your hand');
	await expect(list).toContainText('Ctrl + Alt + H');
	await guest.page.keyboard.press('Escape');
	await expect(list).toHaveCount(0);
	for (const context of [host.context, guest.context]) await context.close();
});
