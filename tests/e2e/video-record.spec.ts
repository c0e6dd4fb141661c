import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { SpeechBot } from '../support/speech-bot.ts';
import { readPcm16, speechWav } from '../support/speech.ts';
import { createMeeting, joinAs, newParticipantPage, openWithCode } from './support';

/** The record's videos as the server stored them: who, what, and where on the recording's clock. */
async function storedVideos(sessionId: string) {
	const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await client.connect();
	try {
		const { rows } = await client.query<{ id: string; source: string; speaker_name: string; started_at: Date; ended_at: Date | null; origin: Date }>(
			`SELECT r.id, r.source, r.speaker_name, r.started_at, r.ended_at,
			        (SELECT c.started_at FROM recordings c WHERE c.run_id = r.run_id AND c.kind = 'composite') AS origin
			   FROM recordings r JOIN recording_runs u ON u.id = r.run_id
			  WHERE u.session_id = $1 AND r.kind = 'video' AND r.status = 'complete'`,
			[sessionId]
		);
		return rows.map((r) => ({
			...r,
			startAt: (r.started_at.getTime() - r.origin.getTime()) / 1000,
			endAt: r.ended_at ? (r.ended_at.getTime() - r.origin.getTime()) / 1000 : null
		}));
	} finally {
		await client.end();
	}
}

/** Moves the record page's clock (the mix's player) to `seconds`, paused, and waits until it is there. */
async function seekTo(page: Page, seconds: number) {
	const player = page.getByTestId('player');
	await player.evaluate((p: HTMLMediaElement, t) => {
		p.pause();
		p.currentTime = t;
	}, seconds);
	await expect.poll(() => player.evaluate((p: HTMLMediaElement, t) => !p.seeking && Math.abs(p.currentTime - t) < 0.5, seconds)).toBe(true);
}

/** The main video on the stage really shows frames of the expected file. */
async function expectMain(page: Page, recordingId: string, source: string, name: string) {
	const stage = page.getByTestId('record-stage');
	await expect(stage).toHaveAttribute('data-main-id', recordingId);
	await expect(stage).toHaveAttribute('data-main-source', source);
	await expect(stage).toHaveAttribute('data-main-name', name);
	const main = page.locator(`[data-testid="stage-video"][data-shown="main"]`);
	await expect(main).toHaveAttribute('data-recording-id', recordingId);
	await expect.poll(() => main.evaluate((v: HTMLVideoElement) => (v.readyState >= 2 ? v.videoWidth : 0)), { timeout: 20_000 }).toBeGreaterThan(0);
}

test('the record shows what people saw: Ada’s screen, then Bo’s after his takeover, then a camera, each at its moment and in sync with the transcript', async ({ browser, baseURL }) => {
	test.setTimeout(420_000);
	const ada = await newParticipantPage(browser);
	const code = await createMeeting(ada.page);
	await joinAs(ada.page, 'Ada');
	await ada.page.getByTestId('toggle-mic').click(); // fake microphones beep: the bot speaks
	const bo = await newParticipantPage(browser);
	await openWithCode(bo.page, code);
	await joinAs(bo.page, 'Bo');
	await bo.page.getByTestId('toggle-mic').click();
	const bot = await SpeechBot.join(baseURL!, code, 'Speech Bot');

	await ada.page.getByTestId('toggle-recording').click();
	await expect(ada.page.getByTestId('recording-indicator')).toBeVisible({ timeout: 30_000 });
	await ada.page.waitForTimeout(4_000); // every track's egress starts writing

	await ada.page.getByTestId('toggle-screen-share').click();
	await expect(ada.page.getByTestId('screen-share-notice')).toHaveText('You are presenting');
	await ada.page.waitForTimeout(8_000);
	await bo.page.getByTestId('toggle-screen-share').click();
	await expect(bo.page.getByTestId('screen-share-notice')).toHaveText('You took over from Ada');
	await bot.speak(readPcm16(speechWav(['Bo is showing the second slide now.'])));
	await bo.page.waitForTimeout(4_000);
	await bo.page.getByTestId('toggle-screen-share').click();
	await expect(ada.page.getByTestId('screen-share-notice')).toHaveText('Bo stopped presenting');
	await ada.page.waitForTimeout(6_000);
	await ada.page.getByTestId('toggle-recording').click();
	await expect(ada.page.getByTestId('recording-indicator')).toHaveCount(0, { timeout: 30_000 });

	const record = await ada.context.newPage();
	await record.goto((await ada.page.getByTestId('transcript-panel').getByTestId('record-link').getAttribute('href')) ?? '');
	await expect(record.getByTestId('transcript-status')).toHaveCount(0, { timeout: 240_000 });
	const sessionId = new URL(record.url()).pathname.split('/').at(-1)!;
	const videos = await storedVideos(sessionId);
	const screens = videos.filter((v) => v.source === 'screen_share').sort((a, b) => a.startAt - b.startAt);
	expect(screens.map((s) => s.speaker_name)).toEqual(['Ada', 'Bo']);
	expect(videos.filter((v) => v.source === 'camera').map((v) => v.speaker_name).sort()).toEqual(['Ada', 'Bo']);
	const [adaScreen, boScreen] = screens as [(typeof screens)[0], (typeof screens)[0]];

	await seekTo(record, adaScreen.startAt + 2);
	await expectMain(record, adaScreen.id, 'screen_share', 'Ada');
	await expect(record.getByTestId('stage-label')).toHaveText("Ada's screen");

	await seekTo(record, boScreen.startAt + 2);
	await expectMain(record, boScreen.id, 'screen_share', 'Bo');
	// The transcript line spoken during Bo's share is the one highlighted there.
	// (Whisper base hears "second slide" as "second side" now and then: the line is the one
	// that says "second".)
	const spoken = record.getByTestId('transcript-line').filter({ hasText: /\bsecond\b/i });
	await expect(spoken).toHaveCount(1);
	// A click on the line seeks the record to the moment it was said (its exact start).
	await spoken.click();
	await expect.poll(() => record.getByTestId('player').evaluate((p: HTMLMediaElement) => !p.seeking && p.currentTime > 0)).toBe(true);
	await expect(spoken).toHaveAttribute('aria-current', 'true');
	// Bo's screen is on the stage while he says it (his share's file may start a moment after
	// the line: the recorder starts on the published track).
	const saidAt = await record.getByTestId('player').evaluate((p: HTMLMediaElement) => p.currentTime);
	await seekTo(record, Math.max(saidAt, boScreen.startAt) + 0.5);
	await expectMain(record, boScreen.id, 'screen_share', 'Bo');

	await seekTo(record, (boScreen.endAt ?? boScreen.startAt + 6) + 3);
	await expect(record.getByTestId('record-stage')).toHaveAttribute('data-main-source', 'camera');
	const mainId = await record.getByTestId('record-stage').getAttribute('data-main-id');
	const camera = videos.find((v) => v.id === mainId)!;
	await expectMain(record, camera.id, 'camera', camera.speaker_name);

	await bot.leave();
	for (const { context } of [ada, bo]) await context.close();
});
