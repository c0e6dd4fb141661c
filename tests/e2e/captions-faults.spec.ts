import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CaptionListener } from '../support/captions.ts';
import { createRoomAsHost } from '../support/app-process.ts';
import { SpeechBot } from '../support/speech-bot.ts';
import { readPcm16, speechWav } from '../support/speech.ts';

/** The live Whisper service of the native stack (scripts/stack.sh), by its pid file. */
const whisperLivePid = () => Number(readFileSync('.data/run/whisper-live.pid', 'utf8').trim());

async function meeting(baseURL: string) {
	const { code } = await createRoomAsHost(baseURL);
	const bot = await SpeechBot.join(baseURL, code, 'Ada Lovelace');
	const listener = await CaptionListener.join(baseURL, code);
	await expect.poll(() => listener.transcriberStatus(), { timeout: 30_000 }).toBe('live');
	await new Promise((r) => setTimeout(r, 1000)); // subscribed to the bot's microphone
	return { bot, listener, close: async () => { await listener.leave(); await bot.leave(); } };
}

test.describe.configure({ mode: 'serial' });

test('the Whisper engine down: captions say they are unavailable, and come back by themselves when it returns', async ({ baseURL }) => {
	test.setTimeout(150_000);
	const { bot, listener, close } = await meeting(baseURL!);
	try {
		execFileSync('kill', ['-9', String(whisperLivePid())]);
		await bot.speak(readPcm16(speechWav(['This sentence is said while the engine is down.'], 200)));
		await expect.poll(() => listener.transcriberStatus(), { timeout: 20_000 }).toBe('unavailable');
		expect(listener.finals()).toEqual([]);

		execFileSync('bash', ['scripts/stack.sh', 'start'], { stdio: 'ignore' }); // starts what is missing: the live Whisper
		await expect.poll(() => listener.transcriberStatus(), { timeout: 60_000 }).toBe('live');
		await bot.speak(readPcm16(speechWav(['I booked the large meeting room for Tuesday.'], 200)));
		await expect.poll(() => listener.finals().map((f) => f.text).join(' '), { timeout: 20_000 }).toMatch(/meeting room/i);
	} finally {
		await close();
		execFileSync('bash', ['scripts/stack.sh', 'start'], { stdio: 'ignore' });
	}
});

test('a transcriber that falls behind skips to live speech, says so, captions what is said after, and brings the skipped words to the transcript late', async ({ baseURL }) => {
	test.setTimeout(150_000);
	const { bot, listener, close } = await meeting(baseURL!);
	const pid = whisperLivePid();
	try {
		// The engine stalls (as on an overloaded machine) while three sentences are said, for
		// less than the transcriber's request timeout (20 s) but longer than TRANSCRIBER_MAX_LAG (6 s).
		execFileSync('kill', ['-STOP', String(pid)]);
		await bot.speak(readPcm16(speechWav(['The first sentence waits.', 'The second sentence waits too.', 'The third one waits as well.'], 700)));
		await new Promise((r) => setTimeout(r, 5000));
		execFileSync('kill', ['-CONT', String(pid)]);
		await expect.poll(() => listener.transcriberStatus(), { timeout: 10_000, intervals: [100] }).toBe('behind');
		const stale = listener.finals().length;
		expect(stale, 'most of the stale speech was skipped, not captioned late').toBeLessThan(3);

		// A sentence Whisper base hears right after Opus ("move the launch to March" once came back as "move along to March").
		await bot.speak(readPcm16(speechWav(['I booked the large meeting room for Tuesday.'], 200)));
		await expect.poll(() => listener.finals().slice(stale).map((f) => f.text).join(' '), { timeout: 20_000 }).toMatch(/meeting room/i);
		await expect.poll(() => listener.transcriberStatus(), { timeout: 10_000 }).toBe('live');
		// The skipped sentences were not lost: transcribed when nothing live waited, marked late.
		await expect.poll(() => listener.finals().filter((f) => f.late).map((f) => f.text).join(' '), { timeout: 30_000 }).toMatch(/first sentence.*second sentence/i);
		expect(listener.finals().find((f) => /meeting room/i.test(f.text))?.late).toBe(false);
	} finally {
		execFileSync('kill', ['-CONT', String(pid)]);
		await close();
	}
});
