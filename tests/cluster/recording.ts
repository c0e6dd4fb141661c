import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
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
			return { text: (await lines.getByTestId('line-text').allTextContents()).join(' '), speakers: await lines.getByTestId('line-speaker').allTextContents() };
		},
		async close() {
			await bot.leave();
			await host.context.close();
		}
	};
}
