import { expect, test, type Page } from '@playwright/test';
import { createMeeting, joinAs, newParticipantPage, openWithCode } from './support';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

function messages(page: Page) {
	return page.getByTestId('chat-panel').getByTestId('chat-message');
}

async function openChat(page: Page) {
	await page.getByTestId('toggle-chat').click();
	await expect(page.getByTestId('chat-panel')).toBeVisible();
}

async function say(page: Page, text: string) {
	await page.getByTestId('chat-input').fill(text);
	await page.getByTestId('chat-input').press('Enter');
	await expect(page.getByTestId('chat-input')).toHaveValue('');
}

async function seqs(page: Page): Promise<string[]> {
	return messages(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-seq') ?? ''));
}

test('chat is kept: live between A and B, history for a late joiner and after a reload, text never HTML', async ({ browser }) => {
	test.setTimeout(240_000); // three browsers with fake cameras, a reload and a rejoin
	const alice = await newParticipantPage(browser);
	const bob = await newParticipantPage(browser);
	const carol = await newParticipantPage(browser);

	const code = await createMeeting(alice.page);
	await joinAs(alice.page, 'Alice');
	await openWithCode(bob.page, code);
	await joinAs(bob.page, 'Bob');

	// Alice writes; Bob, with the panel closed, sees an unread badge.
	await openChat(alice.page);
	await say(alice.page, 'Hello Bob, the notes are at https://example.com/notes.');
	await expect(bob.page.getByTestId('chat-unread')).toHaveText('1');
	await openChat(bob.page);
	await expect(bob.page.getByTestId('chat-unread')).toHaveCount(0);

	const first = messages(bob.page).first();
	await expect(first.getByTestId('chat-sender')).toHaveText('Alice');
	await expect(first.getByTestId('chat-text')).toHaveText('Hello Bob, the notes are at https://example.com/notes.');
	const link = first.getByRole('link', { name: 'https://example.com/notes' });
	await expect(link).toHaveAttribute('href', 'https://example.com/notes');
	await expect(link).toHaveAttribute('target', '_blank');
	await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');

	// A hostile message arrives as text: no element is made from it and nothing runs.
	await say(bob.page, HOSTILE);
	for (const page of [alice.page, bob.page]) {
		await expect(messages(page)).toHaveCount(2);
		await expect(messages(page).nth(1).getByTestId('chat-text')).toHaveText(HOSTILE);
		await expect(page.getByTestId('chat-panel').locator('img')).toHaveCount(0);
		expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
	}
	const order = await seqs(alice.page);
	expect(await seqs(bob.page)).toEqual(order);
	expect(order.map(Number)).toEqual([...order.map(Number)].sort((a, b) => a - b));

	// Carol joins late and sees the history, in the same order.
	await openWithCode(carol.page, code);
	await joinAs(carol.page, 'Carol');
	await openChat(carol.page);
	await expect(messages(carol.page)).toHaveCount(2);
	expect(await seqs(carol.page)).toEqual(order);
	await expect(messages(carol.page).getByTestId('chat-sender')).toHaveText(['Alice', 'Bob']);
	await expect(messages(carol.page).nth(1).getByTestId('chat-text')).toHaveText(HOSTILE);

	// A reload keeps it, once.
	await carol.page.reload();
	await joinAs(carol.page, 'Carol');
	await openChat(carol.page);
	await expect(messages(carol.page)).toHaveCount(2);
	expect(await seqs(carol.page)).toEqual(order);

	// Carol's message reaches the others live, and the counts stay exact.
	await say(carol.page, 'Hi both');
	for (const page of [alice.page, bob.page, carol.page]) {
		await expect(messages(page)).toHaveCount(3);
		await expect(messages(page).nth(2).getByTestId('chat-text')).toHaveText('Hi both');
	}

	for (const { context } of [alice, bob, carol]) await context.close();
});

test('the server refuses chat floods with 429 and Retry-After, and the panel says why', async ({ browser, baseURL }) => {
	const alice = await newParticipantPage(browser);
	const code = await createMeeting(alice.page);
	await joinAs(alice.page, 'Alice');
	await openChat(alice.page);

	const origin = new URL(baseURL!).origin;
	const post = (text: string) =>
		alice.page.request.post(`/api/rooms/${code}/chat`, { headers: { origin }, data: { text, clientId: crypto.randomUUID() } });
	const statuses: number[] = [];
	let refused: Awaited<ReturnType<typeof post>> | undefined;
	for (let i = 0; i < 12 && !refused; i++) {
		const response = await post(`burst ${i}`);
		statuses.push(response.status());
		if (response.status() === 429) refused = response;
	}
	expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
	expect(refused?.status()).toBe(429);
	expect(Number(refused?.headers()['retry-after'])).toBeGreaterThan(0);

	await alice.page.getByTestId('chat-input').fill('one more');
	await alice.page.getByTestId('chat-send').click();
	await expect(alice.page.getByTestId('chat-error')).toContainText('too fast');
	await expect(alice.page.getByTestId('chat-input')).toHaveValue('one more');

	// Empty and oversized bodies are refused with a message, never stored.
	expect((await post('   ')).status()).toBe(400);
	expect((await post('x'.repeat(2001))).status()).toBe(400);

	await alice.context.close();
});
