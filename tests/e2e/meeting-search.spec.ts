import { expect, test } from '@playwright/test';
import pg from 'pg';
import { createMeeting } from './support';

/**
 * My meetings: the host of a room finds a moment of one of its past meetings by searching,
 * and the hit opens the meeting's record at that moment (its transcript line active, the
 * address carrying ?t=). The meeting is stored straight in the test database, its passages as
 * the memory.index job writes them (the indexing itself is tested in tests/integration).
 */
test('search from My meetings opens the record at the moment', async ({ page }) => {
	const code = await createMeeting(page, { askToJoin: true });
	const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await db.connect();
	try {
		const transcript = [
			{ speaker: 'Ada', text: 'Welcome, let us begin with the agenda.', timestamp: 3, end: 6, isActive: false, segmentId: 'a1' },
			{ speaker: 'Grace', text: 'We agreed to postpone the product launch until March.', timestamp: 95, end: 100, isActive: false, segmentId: 'a2' },
			{ speaker: 'Ada', text: 'Thanks everyone, see you next week.', timestamp: 300, end: 303, isActive: false, segmentId: 'a3' }
		];
		const { rows } = await db.query<{ id: string; room_id: string }>(
			`insert into meeting_sessions (room_id, started_at, ended_at, transcript, transcript_status, transcript_source)
			 select id, now() - interval '1 hour', now() - interval '50 minutes', $2::jsonb, 'ready', 'offline' from rooms where code = $1
			 returning id, room_id`,
			[code, JSON.stringify(transcript)]
		);
		const session = rows[0]!;
		for (const line of transcript) {
			await db.query(`insert into memory_passages (session_id, room_id, kind, speaker, at, ref, text, config) values ($1, $2, 'transcript', $3, $4, $5, $6, 'english')`, [
				session.id,
				session.room_id,
				line.speaker,
				line.timestamp,
				line.segmentId,
				line.text
			]);
		}

		await page.goto('/');
		await page.getByTestId('my-meetings-link').click();
		await expect(page.getByTestId('my-meetings')).toContainText(code);
		await page.getByTestId('search-q').fill('when was the launch delayed');
		await page.getByTestId('search-submit').click();
		const hit = page.getByTestId('search-hit').first();
		await expect(hit.locator('mark')).toHaveText(['launch']);
		await hit.click();

		await page.waitForURL(`/${code}/meetings/${session.id}?t=95`);
		const active = page.locator('[data-testid="transcript-line"][aria-current="true"]');
		await expect(active).toHaveAttribute('data-segment-id', 'a2');
		await expect(active).toBeInViewport();
	} finally {
		await db.end();
	}
});
