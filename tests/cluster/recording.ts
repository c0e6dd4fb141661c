import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import { LIVE_KEPT } from '../../src/lib/server/meetings/record-stage';
import { SpeechBot } from '../support/speech-bot.ts';
import { readPcm16, speechWav } from '../support/speech.ts';
import { createMeeting, joinAs, newParticipantPage, tileOf } from '../e2e/support';

export interface RecordedMeeting {
	host: { context: BrowserContext; page: Page };
	code: string;
	bot: SpeechBot;
	/** The bot says these sentences (espeak-ng), in real time. */
	say(...sentences: string[]): Promise<void>;
	/** Stops the recording and waits for the host's Transcript panel (it opens by itself) to show at least `lines` lines; returns their text. */
	stopAndRead(lines: number): Promise<{ text: string; speakers: string[] }>;
	close(): Promise<void>;
}

/** A host (muted: the fake microphone beeps) and a speech bot in a meeting the host records. */
export async function recordedMeeting(browser: Browser, baseURL: string): Promise<RecordedMeeting> {
	const host = await newParticipantPage(browser);
	const code = await createMeeting(host.page);
	await joinAs(host.page, 'Hana Host');
	await host.page.getByTestId('toggle-mic').click();
	const bot = await SpeechBot.join(baseURL, code, 'Speech Bot');
	await expect(tileOf(host.page, 'Speech Bot')).toBeVisible();
	await host.page.getByTestId('toggle-recording').click();
	await expect(host.page.getByTestId('recording-indicator')).toBeVisible({ timeout: 30_000 });
	return {
		host,
		code,
		bot,
		say: (...sentences) => bot.speak(readPcm16(speechWav(sentences))),
		async stopAndRead(count) {
			// Still shown as recording (a failover must not make the room forget it), so the click stops it.
			await expect(host.page.getByTestId('recording-indicator')).toBeVisible();
			await expect(host.page.getByTestId('toggle-recording')).toHaveAttribute('aria-pressed', 'true');
			const answered = host.page.waitForResponse((r) => r.url().endsWith(`/api/rooms/${code}/recording`) && r.request().method() === 'POST', { timeout: 30_000 });
			await host.page.getByTestId('toggle-recording').click();
			const answer = await answered;
			expect(answer.status(), `the stop was answered: ${await answer.text()}`).toBe(200);
			await expect(host.page.getByTestId('recording-indicator')).toHaveCount(0, { timeout: 30_000 });
			const lines = host.page.getByTestId('transcript-panel').getByTestId('transcript-line');
			await expect(lines.nth(count - 1)).toBeVisible({ timeout: 240_000 });
			// The call shows the live captions' transcript at once; these tests are about the
			// recordings' own (offline) pass: read the record once it has settled (it replaces the
			// live text when it covers every speaker and line, else says the live one is kept).
			return settledTranscript(code);
		},
		async close() {
			await bot.leave();
			await host.context.close();
		}
	};
}

/** The meeting's transcript once the offline pass on its recordings has settled (replaced the live one, or kept it). */
async function settledTranscript(code: string): Promise<{ text: string; speakers: string[] }> {
	const db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
	await db.connect();
	try {
		const read = async () =>
			(
				await db.query<{ transcript_source: string | null; transcript_detail: string | null; transcript: { speaker: string; text: string }[] }>(
					`SELECT s.transcript_source, s.transcript_detail, s.transcript FROM meeting_sessions s JOIN rooms r ON r.id = s.room_id WHERE r.code = $1 ORDER BY s.started_at DESC LIMIT 1`,
					[code]
				)
			).rows[0];
		const settled = async () => { const row = await read(); return row?.transcript_source === 'offline' || row?.transcript_detail === LIVE_KEPT; };
		await expect.poll(settled, { timeout: 240_000 }).toBe(true);
		const { transcript } = (await read())!;
		return { text: transcript.map((l) => l.text.trim()).join(' '), speakers: transcript.map((l) => l.speaker) };
	} finally {
		await db.end();
	}
}
