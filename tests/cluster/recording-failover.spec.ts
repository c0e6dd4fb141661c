import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { SpeechBot } from '../support/speech-bot.ts';
import { readPcm16, speechWav } from '../support/speech.ts';
import { wordErrorRate } from '../support/wer.ts';
import { createMeeting, joinAs, newParticipantPage, tileOf } from '../e2e/support';
import { cluster, nodeOf } from './cluster';

test.afterEach(() => cluster('start'));

const BEFORE = 'Please send the quarterly report to Maria before Friday.';
const AFTER = 'We will meet again next Tuesday at ten in the morning.';

test('a recording across the death of its media node yields one transcript with both halves', async ({ browser, baseURL }) => {
	test.setTimeout(300_000);
	const host = await newParticipantPage(browser);
	const code = await createMeeting(host.page);
	await joinAs(host.page, 'Hana Host');
	await host.page.getByTestId('toggle-mic').click();
	const bot = await SpeechBot.join(baseURL!, code, 'Speech Bot');
	await expect(tileOf(host.page, 'Speech Bot')).toBeVisible();
	await host.page.getByTestId('toggle-recording').click();
	await expect(host.page.getByTestId('recording-indicator')).toBeVisible({ timeout: 30_000 });
	await bot.speak(readPcm16(speechWav([BEFORE])));

	cluster('kill', nodeOf(code));
	// Both are back on the other node (the bot's SDK reconnects as the browser's does).
	await expect.poll(() => { try { return nodeOf(code); } catch { return 'none'; } }, { timeout: 30_000 }).not.toBe('none');
	await expect(tileOf(host.page, 'Speech Bot')).toBeVisible({ timeout: 30_000 });
	await host.page.waitForTimeout(10_000); // the recorder takes up the republished tracks
	await bot.speak(readPcm16(speechWav([AFTER])));
	await host.page.getByTestId('toggle-recording').click();
	await expect(host.page.getByTestId('recording-indicator')).toHaveCount(0, { timeout: 30_000 });

	const lines = host.page.getByTestId('transcript-panel').getByTestId('transcript-line');
	await expect(lines.nth(1)).toBeVisible({ timeout: 240_000 });
	const heard = (await lines.getByTestId('line-text').allTextContents()).join(' ');
	expect(wordErrorRate(`${BEFORE} ${AFTER}`, heard)).toBeLessThanOrEqual(0.25);
	await bot.leave();
	await host.context.close();
});

test('when the Egress worker recording a speaker is killed, the recording goes on in a new segment and the transcript has both halves', async ({ browser, baseURL }) => {
	test.setTimeout(300_000);
	const db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
	await db.connect();
	const host = await newParticipantPage(browser);
	const code = await createMeeting(host.page);
	await joinAs(host.page, 'Hana Host');
	await host.page.getByTestId('toggle-mic').click();
	const bot = await SpeechBot.join(baseURL!, code, 'Speech Bot');
	await expect(tileOf(host.page, 'Speech Bot')).toBeVisible();
	await host.page.getByTestId('toggle-recording').click();
	await expect(host.page.getByTestId('recording-indicator')).toBeVisible({ timeout: 30_000 });

	const botTrack = async () =>
		(
			await db.query<{ egress_id: string | null; status: string; segment: number; track_sid: string }>(
				`SELECT egress_id, status, segment, track_sid FROM recordings WHERE speaker_name = 'Speech Bot' AND kind = 'track' ORDER BY segment DESC, created_at DESC LIMIT 1`
			)
		).rows[0];
	await expect.poll(async () => (await botTrack())?.status, { timeout: 30_000 }).toBe('active');
	await bot.speak(readPcm16(speechWav([BEFORE])));

	const first = (await botTrack())!;
	cluster('kill', workerOf(first.egress_id!));
	// The reconciliation finds the recorder gone and records the same track again, in segment 2.
	await expect.poll(async () => { const t = await botTrack(); return t && t.segment > 1 && t.track_sid === first.track_sid ? t.status : null; }, { timeout: 90_000 }).toBe('active');
	await bot.speak(readPcm16(speechWav([AFTER])));
	await host.page.getByTestId('toggle-recording').click();
	await expect(host.page.getByTestId('recording-indicator')).toHaveCount(0, { timeout: 30_000 });

	const lines = host.page.getByTestId('transcript-panel').getByTestId('transcript-line');
	await expect(lines.nth(1)).toBeVisible({ timeout: 240_000 });
	const heard = (await lines.getByTestId('line-text').allTextContents()).join(' ');
	expect(wordErrorRate(`${BEFORE} ${AFTER}`, heard)).toBeLessThanOrEqual(0.25);
	await db.end();
	await bot.leave();
	await host.context.close();
});

/** The Egress worker that took an egress: the one whose log names it. */
function workerOf(egressId: string): 'egress-1' | 'egress-2' {
	for (const worker of ['egress-1', 'egress-2'] as const) {
		if (readFileSync(`.data/log/cluster-test/${worker}.log`, 'utf8').includes(`"egressID": "${egressId}"`)) return worker;
	}
	throw new Error(`no Egress worker logged ${egressId}`);
}
