import { expect, test } from '@playwright/test';
import { createMeeting, expectMediaFlowing, joinAs, newParticipantPage, openWithCode } from '../e2e/support';
import { cluster, nodeOf } from './cluster';
import { connectionCount, remoteVideoAgainAt } from './media';

/**
 * The longest outage this test accepts when the node that hosts the room dies. The figure
 * itself is bench/failover.ts's (p50 8.3 s, p95 10.7 s over 8 kills on 2026-11-29,
 * bench/RESULTS.md). Here a screen share is up too and the whole suite's services run: on the
 * 2-vCPU VM, 10 kills took 6.4–15.0 s (each browser back once its full reconnect is in and the
 * other's camera is republished), and CI's slower machine went past the former 15 s. The
 * bound guards against a failover that does not come back, not against the bench's figure.
 */
const FAILOVER_BOUND_MS = 25_000;

test.afterEach(() => cluster('start')); // bring back whatever a test killed

test('when the node hosting the room is killed, both people see each other again on the other node, with chat and the screen-share lock intact', async ({ browser }) => {
	const alice = await newParticipantPage(browser);
	const bob = await newParticipantPage(browser);
	const code = await createMeeting(alice.page);
	await joinAs(alice.page, 'Alice');
	await openWithCode(bob.page, code);
	await joinAs(bob.page, 'Bob');
	await Promise.all([expectMediaFlowing(alice.page), expectMediaFlowing(bob.page)]);

	await alice.page.getByTestId('toggle-chat').click();
	await alice.page.getByTestId('chat-input').fill('before the failover');
	await alice.page.getByTestId('chat-input').press('Enter');
	await alice.page.getByTestId('toggle-screen-share').click();
	await expect(bob.page.getByTestId('screen-share-notice')).toHaveText('Alice is presenting');

	const hosting = nodeOf(code);
	const since = await Promise.all([connectionCount(alice.page), connectionCount(bob.page)]);
	const killedAt = Date.now();
	cluster('kill', hosting);

	const [aliceBack, bobBack] = await Promise.all([
		remoteVideoAgainAt(alice.page, since[0], FAILOVER_BOUND_MS),
		remoteVideoAgainAt(bob.page, since[1], FAILOVER_BOUND_MS)
	]);
	const outage = Math.max(aliceBack, bobBack) - killedAt;
	test.info().annotations.push({ type: 'outage', description: `${outage} ms (node ${hosting} killed)` });
	console.log(`failover: ${hosting} killed, remote video again after ${outage} ms (Alice ${aliceBack - killedAt} ms, Bob ${bobBack - killedAt} ms)`);
	expect(nodeOf(code)).not.toBe(hosting);

	// The meeting goes on: the share is back, the lock still Alice's, chat history and new messages.
	await expect(bob.page.getByTestId('screen-share-notice')).toHaveText('Alice is presenting');
	await expect(bob.page.getByTestId('screen-share-video')).toBeVisible();
	await bob.page.getByTestId('toggle-chat').click();
	await expect(bob.page.getByTestId('chat-panel').getByTestId('chat-text')).toHaveText(['before the failover']);
	await bob.page.getByTestId('chat-input').fill('after the failover');
	await bob.page.getByTestId('chat-input').press('Enter');
	await expect(alice.page.getByTestId('chat-panel').getByTestId('chat-text')).toHaveText(['before the failover', 'after the failover']);
	await expect(alice.page.getByTestId('tile')).toHaveCount(2);
	await expect(bob.page.getByTestId('tile')).toHaveCount(2);

	await alice.context.close();
	await bob.context.close();
});
