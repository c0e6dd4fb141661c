import { expect, test } from '@playwright/test';
import { createMeeting, joinAs, newParticipantPage } from './support';

test('a malformed code is a form error; an unknown code is a 404 that leads home', async ({ page }) => {
	await page.goto('/');
	await page.getByTestId('join-code').fill('not a code');
	await page.getByTestId('join-submit').click();
	await expect(page.getByTestId('join-error')).toHaveText('Meeting codes look like abc-defg-hij');
	await expect(page).toHaveURL('/');

	await page.getByTestId('join-code').fill('zzz-zzzz-zzz');
	await page.getByTestId('join-submit').click();
	await expect(page.getByTestId('error-message')).toHaveText('No meeting with this code');
	await page.getByRole('link', { name: 'Back to home' }).click();
	await expect(page.getByTestId('new-meeting')).toBeVisible();

	const response = await page.goto('/nope');
	expect(response?.status()).toBe(404);
});

test('the token endpoint refuses browsers that skipped the join step and other origins', async ({ browser, baseURL }) => {
	const { page, context } = await newParticipantPage(browser);
	const code = await createMeeting(page);
	const url = `${baseURL}/api/rooms/${code}/token`;

	const skipped = await context.request.post(url, { headers: { origin: baseURL!, 'content-type': 'application/json' }, data: {} });
	expect(skipped.status()).toBe(403);

	await joinAs(page, 'Alice');
	const crossSite = await context.request.post(url, { headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, data: {} });
	expect(crossSite.status()).toBe(403);
	const allowed = await context.request.post(url, { headers: { origin: baseURL!, 'content-type': 'application/json' }, data: {} });
	expect(allowed.status()).toBe(200);
	expect(Object.keys(await allowed.json()).sort()).toEqual(['expiresInSeconds', 'identity', 'sessionId', 'token', 'wsUrl']);
	await context.close();
});

test('a forged token is refused by LiveKit and the page gets a real one from the server', async ({ browser }) => {
	const { page, context } = await newParticipantPage(browser);
	const code = await createMeeting(page);
	let calls = 0;
	await page.route(`**/api/rooms/${code}/token`, async (route) => {
		calls++;
		const response = await route.fetch();
		const body = await response.json();
		if (calls === 1) {
			// Same claims, wrong signature: what an attacker or a stale secret would produce.
			const [header, payload] = body.token.split('.');
			body.token = `${header}.${payload}.${Buffer.from('forged-signature').toString('base64url')}`;
		}
		await route.fulfill({ response, json: body });
	});
	await expect(page.getByTestId('preview-video')).toBeVisible();
	await page.getByTestId('display-name').fill('Mallory');
	await page.getByTestId('join-meeting').click();
	await expect(page.getByTestId('toggle-mic')).toBeEnabled();
	await expect(page.getByTestId('tile')).toHaveCount(1);
	expect(calls).toBeGreaterThanOrEqual(2);
	await context.close();
});

test('when LiveKit is unreachable the page says so and retries until it connects', async ({ browser }) => {
	const { page, context } = await newParticipantPage(browser);
	const code = await createMeeting(page);
	let calls = 0;
	await page.route(`**/api/rooms/${code}/token`, async (route) => {
		calls++;
		const response = await route.fetch();
		const body = await response.json();
		if (calls <= 2) body.wsUrl = 'ws://127.0.0.1:9'; // nothing listens there
		await route.fulfill({ response, json: body });
	});
	await expect(page.getByTestId('preview-video')).toBeVisible();
	await page.getByTestId('display-name').fill('Patient');
	await page.getByTestId('join-meeting').click();
	await expect(page.getByTestId('connection-status')).toContainText("Can't reach the meeting server");
	await expect(page.getByTestId('toggle-mic')).toBeEnabled({ timeout: 30_000 });
	await expect(page.getByTestId('connection-status')).toHaveCount(0);
	expect(calls).toBeGreaterThanOrEqual(3);
	await context.close();
});
