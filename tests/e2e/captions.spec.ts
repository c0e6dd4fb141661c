import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { chromiumArgs } from '../../playwright.config';
import { livekitClientFinals, livekitClientListener } from '../support/captions.ts';
import { SpeechBot } from '../support/speech-bot.ts';
import { readPcm16, speechWav } from '../support/speech.ts';
import { wordErrorRate } from '../support/wer.ts';
import { createMeeting, joinAs, openWithCode } from './support';

const SAID = [
	{ who: 'Ada Lovelace', text: 'We should move the launch to March.' },
	{ who: 'Grace Hopper', text: 'I booked the large meeting room for Tuesday.' },
	{ who: 'Ada Lovelace', text: 'The budget for the next quarter is approved.' }
];

/** Ten seconds of silence for the browsers' microphones: only the bots speak. */
function silentWav(): string {
	const path = join(mkdtempSync(join(tmpdir(), 'stoom-silence-')), 'silence.wav');
	execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', path, 'trim', '0', '10']);
	return path;
}

async function liveLines(page: Page) {
	return page.getByTestId('live-line').evaluateAll((els) =>
		els.map((el) => ({ id: el.id.replace(/^live-line-/, ''), speaker: el.querySelector('span')?.textContent?.trim() ?? '', text: el.querySelector('p')?.textContent?.trim() ?? '' }))
	);
}

test('two speakers in turn: both browsers caption them by name and in order, plain livekit-client receives the same segments, and the kept transcript is the live finals', async ({ baseURL }) => {
	test.setTimeout(300_000);
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumArgs, `--use-file-for-fake-audio-capture=${silentWav()}`] });
	const bots: SpeechBot[] = [];
	try {
		const host = await (await browser.newContext({ baseURL })).newPage();
		const code = await createMeeting(host);
		// Cameras off: video is not what this test checks, and on two cores the browsers' video took
		// the CPU the live Whisper needed (passes at 5-20x real time in a whole-suite run).
		await joinAs(host, 'Hana Host', { camera: false });
		const guest = await (await browser.newContext({ baseURL })).newPage();
		await openWithCode(guest, code);
		await joinAs(guest, 'Gus Guest', { camera: false });
		const plain = await (await browser.newContext()).newPage();
		await livekitClientListener(plain, baseURL!, code);

		// Everyone is told speech is being turned into text once the transcriber is in.
		for (const page of [host, guest]) await expect(page.getByTestId('transcription-indicator')).toBeVisible({ timeout: 30_000 });
		// The host keeps the transcript (Transcribe); the guest turns captions on with the shortcut.
		await host.getByTestId('toggle-people').click();
		await host.getByTestId('host-transcribe').click();
		await expect(host.getByTestId('host-transcribe')).toHaveAttribute('aria-checked', 'true');
		await host.getByTestId('toggle-captions').click();
		await guest.locator('body').press('c');
		for (const page of [host, guest]) await expect(page.getByTestId('toggle-captions')).toHaveAttribute('aria-pressed', 'true');

		const ada = await SpeechBot.join(baseURL!, code, 'Ada Lovelace');
		bots.push(ada);
		const grace = await SpeechBot.join(baseURL!, code, 'Grace Hopper');
		bots.push(grace);
		await host.waitForTimeout(1500); // the transcriber subscribes to their microphones
		for (const [i, line] of SAID.entries()) {
			await (line.who === 'Ada Lovelace' ? ada : grace).speak(readPcm16(speechWav([line.text], 200)));
			// The overlay shows it under the speaker's name while it is said or just after.
			// (How soon is bench/caption-latency.ts's to measure: in a loaded CI run of the whole suite
			// Whisper ran at up to 5x real time here, and a final then comes late.)
			if (i === 0) await expect(guest.getByTestId('caption-speaker').first()).toHaveText('Ada Lovelace:', { timeout: 30_000 });
			await host.waitForTimeout(1200);
		}

		for (const page of [host, guest]) {
			await page.getByTestId('toggle-transcript').click();
			await expect(page.getByTestId('live-line')).toHaveCount(SAID.length, { timeout: 60_000 });
		}
		const hostLines = await liveLines(host);
		expect(hostLines.map((l) => l.speaker)).toEqual(SAID.map((s) => s.who));
		// Whisper base on espeak-ng speech after Opus is not perfect: each line mostly right, the whole close.
		for (const [i, line] of hostLines.entries()) expect(wordErrorRate(SAID[i]!.text, line.text), line.text).toBeLessThanOrEqual(0.5);
		expect(wordErrorRate(SAID.map((s) => s.text).join(' '), hostLines.map((l) => l.text).join(' ')), hostLines.map((l) => l.text).join(' | ')).toBeLessThanOrEqual(0.25);
		expect(await liveLines(guest)).toEqual(hostLines);

		// livekit-client's own text-stream handler got the same final segments, from the speakers' identities.
		const plainFinals = await livekitClientFinals(plain);
		expect(plainFinals.map((f) => [f.segmentId, f.text])).toEqual(hostLines.map((l) => [l.id, l.text]));
		expect(plainFinals.map((f) => f.trackId)).toEqual([ada, grace, ada].map((b) => b.micTrackSid()));
		expect(new Set(plainFinals.map((f) => f.identity))).toEqual(new Set([ada, grace].map((b) => b.room.localParticipant!.identity)));

		// The host ends the meeting: the record's transcript is the live finals, at once.
		await host.getByTestId('toggle-people').click();
		await host.getByTestId('end-for-all').click();
		await expect(host.getByTestId('connection-status')).toContainText('The meeting has ended.');
		const db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL });
		await db.connect();
		try {
			const kept = async () =>
				(
					await db.query<{ transcript: { speaker: string; text: string; segmentId?: string }[]; transcript_status: string }>(
						`SELECT s.transcript, s.transcript_status FROM meeting_sessions s JOIN rooms r ON r.id = s.room_id WHERE r.code = $1 ORDER BY s.started_at DESC LIMIT 1`,
						[code]
					)
				).rows[0];
			await expect.poll(async () => (await kept())?.transcript_status, { timeout: 5_000 }).toBe('ready');
			const transcript = (await kept())!.transcript;
			expect(transcript.map((l) => [l.segmentId, l.speaker, l.text])).toEqual(hostLines.map((l) => [l.id, l.speaker, l.text]));
		} finally {
			await db.end();
		}
	} finally {
		for (const bot of bots) await bot.leave().catch(() => undefined);
		await browser.close();
	}
});
