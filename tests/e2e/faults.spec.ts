import { expect, test, type Page } from '@playwright/test';
import * as devalue from 'devalue';
import { createMeeting, joinAs, newParticipantPage } from './support';

interface Connection {
	token: string;
	wsUrl: string;
}

/** Rewrites the LiveKit connection the join step answers with (the page's first token). */
async function editJoinAnswer(page: Page, code: string, edit: (connection: Connection) => void): Promise<() => boolean> {
	let edited = false;
	await page.route(`**/${code}?/join`, async (route) => {
		const response = await route.fetch();
		const body = await response.json();
		const data = devalue.parse(body.data) as { token?: Connection };
		if (data.token) {
			edit(data.token);
			edited = true;
		}
		await route.fulfill({ response, json: { ...body, data: devalue.stringify(data) } });
	});
	return () => edited;
}

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
	// The join step's answer carries the first token: same claims, wrong signature, what an
	// attacker or a stale secret would produce.
	const forged = await editJoinAnswer(page, code, (connection) => {
		const [header, payload] = connection.token.split('.');
		connection.token = `${header}.${payload}.${Buffer.from('forged-signature').toString('base64url')}`;
	});
	let calls = 0;
	await page.route(`**/api/rooms/${code}/token`, (route) => {
		calls++;
		return route.continue();
	});
	await expect(page.getByTestId('preview-video')).toBeVisible();
	await page.getByTestId('display-name').fill('Mallory');
	await page.getByTestId('join-meeting').click();
	await expect(page.getByTestId('toggle-mic')).toBeEnabled();
	await expect(page.getByTestId('tile')).toHaveCount(1);
	expect(forged()).toBe(true);
	expect(calls).toBeGreaterThanOrEqual(1);
	await context.close();
});

test('when LiveKit is unreachable the page says so and retries until it connects', async ({ browser }) => {
	const { page, context } = await newParticipantPage(browser);
	const code = await createMeeting(page);
	// Nothing listens on port 9: the join step's connection and the next token's.
	const unreachable = await editJoinAnswer(page, code, (connection) => (connection.wsUrl = 'ws://127.0.0.1:9'));
	let calls = 0;
	await page.route(`**/api/rooms/${code}/token`, async (route) => {
		calls++;
		const response = await route.fetch();
		const body = await response.json();
		if (calls === 1) body.wsUrl = 'ws://127.0.0.1:9';
		await route.fulfill({ response, json: body });
	});
	await expect(page.getByTestId('preview-video')).toBeVisible();
	await page.getByTestId('display-name').fill('Patient');
	await page.getByTestId('join-meeting').click();
	await expect(page.getByTestId('connection-status')).toContainText("Can't reach the meeting server");
	await expect(page.getByTestId('toggle-mic')).toBeEnabled({ timeout: 30_000 });
	await expect(page.getByTestId('connection-status')).toHaveCount(0);
	expect(unreachable()).toBe(true);
	expect(calls).toBeGreaterThanOrEqual(2);
	await context.close();
});
