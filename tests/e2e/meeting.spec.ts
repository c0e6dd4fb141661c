import { expect, test } from '@playwright/test';
import { createMeeting, expectMediaFlowing, joinAs, newParticipantPage, openWithCode, tileOf } from './support';

test('two people meet: each sees and hears the other, mute shows, leaving drops the tile', async ({ browser }) => {
	const alice = await newParticipantPage(browser);
	const bob = await newParticipantPage(browser);

	const code = await createMeeting(alice.page);
	await joinAs(alice.page, 'Alice');
	await openWithCode(bob.page, code, code.toUpperCase().replaceAll('-', ' '));
	await joinAs(bob.page, 'Bob');

	for (const { page } of [alice, bob]) await expect(page.getByTestId('tile')).toHaveCount(2);
	await expect(tileOf(bob.page, 'Alice').getByTestId('tile-video')).toBeVisible();
	await expect(tileOf(alice.page, 'Bob').getByTestId('tile-video')).toBeVisible();
	await expect(tileOf(bob.page, 'Bob (You)')).toBeVisible();

	await expectMediaFlowing(alice.page);
	await expectMediaFlowing(bob.page);

	await expect(tileOf(bob.page, 'Alice').getByTestId('mic-muted')).toHaveCount(0);
	await alice.page.getByTestId('toggle-mic').click();
	await expect(alice.page.getByTestId('toggle-mic')).toHaveAttribute('aria-pressed', 'true');
	await expect(tileOf(bob.page, 'Alice').getByTestId('mic-muted')).toBeVisible();

	await alice.page.getByTestId('toggle-camera').click();
	await expect(tileOf(bob.page, 'Alice').getByTestId('tile-video')).toHaveCount(0);

	await alice.page.getByTestId('leave').click();
	await expect(bob.page.getByTestId('tile')).toHaveCount(1);
	await expect(tileOf(bob.page, 'Alice')).toHaveCount(0);

	await alice.context.close();
	await bob.context.close();
});

test('media flows through TURN when a participant may only use relay candidates', async ({ browser }) => {
	const alice = await newParticipantPage(browser);
	const bob = await newParticipantPage(browser, { relay: true });

	const code = await createMeeting(alice.page);
	await joinAs(alice.page, 'Alice');
	await openWithCode(bob.page, code);
	await joinAs(bob.page, 'Bob');

	const bobStats = await expectMediaFlowing(bob.page);
	await expectMediaFlowing(alice.page);
	expect(bobStats.selectedLocalCandidateTypes.length).toBeGreaterThan(0);
	expect(new Set(bobStats.selectedLocalCandidateTypes)).toEqual(new Set(['relay']));

	await alice.context.close();
	await bob.context.close();
});
