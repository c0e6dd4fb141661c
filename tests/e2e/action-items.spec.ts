import { expect, test } from '@playwright/test';
import pg from 'pg';
import { createMeeting, newParticipantPage } from './support';

/** A past meeting of the room (Monday 7 December 2026) whose insights left two open items. */
async function seedOpenItems(code: string): Promise<{ contract: string; dashboard: string; db: pg.Client }> {
	const db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL });
	await db.connect();
	const { rows: rooms } = await db.query('select id from rooms where code = $1', [code]);
	const roomId = rooms[0].id;
	const { rows: sessions } = await db.query(
		`insert into meeting_sessions (room_id, started_at, ended_at) values ($1, '2026-12-07T09:00:00Z', '2026-12-07T10:00:00Z') returning id`,
		[roomId]
	);
	const item = async (text: string, owner: string, dueText: string, dueDate: string, key: string, at: number) => {
		const { rows } = await db.query(
			`insert into tracked_items (room_id, text, owner, due_text, due_date, merge_key) values ($1, $2, $3, $4, $5, $6) returning id`,
			[roomId, text, owner, dueText, dueDate, key]
		);
		await db.query(`insert into item_mentions (item_id, session_id, at, speaker, ref, kind, text, owner, due_text) values ($1, $2, $3, $4, $5, 'line', $6, $4, $7)`, [
			rows[0].id,
			sessions[0].id,
			at,
			owner,
			`${owner}:0:${at}`,
			text,
			dueText
		]);
		return rows[0].id as string;
	};
	const contract = await item('Send the contract to Acme', 'Hana', 'Friday', '2026-12-11', 'acm contract send', 12);
	const dashboard = await item('Update the sales dashboard', 'Bo', 'next week', '2026-12-18', 'dashboard sal updat', 30);
	return { contract, dashboard, db };
}

test('the host sees the last meeting’s open items before joining, ticks one off in the call, and finds it done on the past-meetings page; others are refused', async ({ browser }) => {
	test.setTimeout(90_000);
	const { page } = await newParticipantPage(browser);
	const code = await createMeeting(page);
	const { contract, dashboard, db } = await seedOpenItems(code);
	try {
		await page.reload();
		const brief = page.getByTestId('prejoin-items');
		await expect(brief.getByTestId('prejoin-items-summary')).toHaveText(/2 open items from Dec 7/);
		await expect(brief.getByTestId('item-text')).toHaveText(['Send the contract to Acme', 'Update the sales dashboard']);
		await expect(brief.getByTestId('item-owner')).toHaveText(['Hana', 'Bo']);
		await expect(brief.getByTestId('item-due').first()).toHaveText(/due Fri, Dec 11/);

		await expect(page.getByTestId('preview-video')).toBeVisible();
		await page.getByTestId('display-name').fill('Ada Host');
		await page.getByTestId('join-meeting').click();
		await expect(page.getByTestId('toggle-mic')).toBeEnabled();

		await page.getByTestId('toggle-items').click();
		const panel = page.getByTestId('items-panel');
		await expect(panel.getByTestId('item-text')).toHaveText(['Send the contract to Acme', 'Update the sales dashboard']);
		await panel.getByRole('checkbox', { name: 'Mark “Send the contract to Acme” done' }).check();
		await expect(panel.locator('[data-testid="item"][data-status="done"]')).toHaveCount(1);

		const status = async (id: string) => (await db.query('select status, done_at from tracked_items where id = $1', [id])).rows[0];
		expect(await status(contract)).toMatchObject({ status: 'done', done_at: expect.any(Date) });
		expect(await status(dashboard)).toMatchObject({ status: 'open', done_at: null });

		// The endpoint: another browser is refused with a message; a write from another origin is refused; the host's export has the tick.
		const origin = new URL(page.url()).origin;
		const stranger = await browser.newContext();
		const refused = await stranger.request.patch(`${origin}/api/rooms/${code}/items/${dashboard}`, { data: { status: 'done' }, headers: { origin } });
		expect(refused.status()).toBe(404);
		expect(await refused.json()).toEqual({ message: 'This action item does not exist, or you cannot see it.' });
		await stranger.close();
		const crossSite = await page.request.patch(`${origin}/api/rooms/${code}/items/${dashboard}`, { data: { status: 'done' }, headers: { origin: 'https://evil.example' } });
		expect(crossSite.status()).toBe(403);
		const ics = await page.request.get(`${origin}/${code}/items/export/ics`);
		expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		expect(await ics.text()).toContain(`UID:${contract}@`);
		expect(await status(dashboard)).toMatchObject({ status: 'open' });

		const past = await browser.newPage({ storageState: await page.context().storageState() });
		await past.goto(`${origin}/${code}/meetings`);
		const section = past.getByTestId('items-section');
		await expect(section.locator('[data-testid="item"][data-status="done"]').getByTestId('item-text')).toHaveText('Send the contract to Acme');
		await expect(section.getByTestId('items-export-csv')).toHaveAttribute('href', `/${code}/items/export/csv`);
		await past.close();
	} finally {
		await db.end();
	}
});
