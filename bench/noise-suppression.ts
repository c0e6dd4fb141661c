// Noise suppression benchmark: a sender whose fake microphone plays speech in steady pink noise
// (tests/support/noisy-speech.ts, espeak-ng + sox, about 8 dB SNR over the sentences), with
// RNNoise on or off as chosen on the pre-join screen (the remembered setting), and a receiver in
// a Chromium of its own, microphone off, that records one loop of what it hears. Per round:
// the noise floor between sentences and the speech level received (lined up with the clean
// file), the sender renderer's CPU over the same time (share of one core), and the word error
// rate of the received loop transcribed by the stack's Whisper. Rounds alternate on and off.
// Needs the stack (`./stoom up`) and a build of the app, which it serves on a port of its own
// (serveTestBuild): build-test (`STOOM_TEST_HOOKS=1 npx vite build`), or a copy of it named by
// BENCH_BUILD (relative to the repository), out of reach of a browser test that rebuilds it.
// Run: npx jiti bench/noise-suppression.ts [rounds=2]   → bench/results/noise-suppression.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config.ts';
import { createWhisperClient } from '../src/lib/server/transcription/whisper-client.ts';
import { LOOP_SECONDS, NOISY_SPEECH_SENTENCES, noisySpeechWav } from '../tests/support/noisy-speech.ts';
import { FRAME, filePowers, framePowers, levels, loopLag, oneLoopFromStart, recordElementAudio } from '../tests/support/received-audio.ts';
import { readPcm16 } from '../tests/support/speech.ts';
import { wordErrorRate } from '../tests/support/wer.ts';
import { openMeeting, serveTestBuild } from './support.ts';

const rounds = Number(process.argv[2] ?? 2);
const whisper = createWhisperClient({
	url: process.env.WHISPER_API_URL ?? `http://127.0.0.1:${process.env.WHISPER_PORT ?? 9000}`,
	flavour: 'asr',
	model: process.env.WHISPER_MODEL ?? 'base',
	language: 'en',
	timeoutMs: 120_000,
	// As the recording pipeline asks (transcript.track): Whisper skips what its VAD calls non-speech.
	vadFilter: true
});
const reference = NOISY_SPEECH_SENTENCES.join(' ');
const { noisy, clean } = noisySpeechWav();
const cleanPowers = filePowers(clean);

function wav(pcm: Int16Array): Uint8Array {
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'ascii');
	header.writeUInt32LE(36 + pcm.byteLength, 4);
	header.write('WAVEfmt ', 8, 'ascii');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(48_000, 24);
	header.writeUInt32LE(96_000, 28);
	header.writeUInt16LE(2, 32);
	header.writeUInt16LE(16, 34);
	header.write('data', 36, 'ascii');
	header.writeUInt32LE(pcm.byteLength, 40);
	return Buffer.concat([header, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength)]);
}

async function transcribe(pcm: Int16Array): Promise<{ wordErrorRate: number; text: string }> {
	const { text } = await whisper.transcribe({ data: wav(pcm), filename: 'loop.wav', contentType: 'audio/wav' });
	return { wordErrorRate: wordErrorRate(reference, text), text };
}

/** CPU seconds of the browser's renderer processes so far (as bench/meeting-cpu.ts). */
async function rendererCpu(browser: Browser): Promise<number> {
	const session = await browser.newBrowserCDPSession();
	const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
	await session.detach();
	return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

async function join(page: Page, name: string, { mic, suppression }: { mic: boolean; suppression: boolean }): Promise<void> {
	await page.getByTestId('preview-video').waitFor();
	await page.getByTestId('prejoin-camera').click();
	if (!mic) await page.getByTestId('prejoin-mic').click();
	const box = page.getByTestId('prejoin-noise-suppression');
	if ((await box.isChecked()) !== suppression) await box.click();
	await page.getByTestId('display-name').fill(name);
	await page.getByTestId('join-meeting').click();
	await page.getByTestId('toggle-mic').and(page.locator(':enabled')).waitFor();
}

interface Round {
	suppression: boolean;
	noiseFloorDb: number;
	speechDb: number;
	senderRendererCores: number;
	wordErrorRate: number;
	/** What Whisper heard. */
	text: string;
}

async function round(baseURL: string, suppression: boolean): Promise<Round> {
	const sender = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumArgs, `--use-file-for-fake-audio-capture=${noisy}`] });
	const receiver = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
	try {
		const talk = await (await sender.newContext({ baseURL, permissions: ['camera', 'microphone'] })).newPage();
		await talk.goto('/');
		await talk.getByTestId('new-meeting').click();
		await talk.waitForURL(/\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
		await openMeeting(talk);
		await join(talk, 'Talker', { mic: true, suppression });
		const listen = await (await receiver.newContext({ baseURL, permissions: ['camera', 'microphone'] })).newPage();
		await listen.goto(talk.url());
		await join(listen, 'Listener', { mic: false, suppression: true });
		const heard = listen.locator('[data-testid="tile"][data-local="false"] [data-testid="tile-audio"]');
		await heard.waitFor({ state: 'attached' });
		await listen.waitForTimeout(3_000); // the suppressor loads after the microphone is published

		const cpuBefore = await rendererCpu(sender);
		const startedAt = Date.now();
		const pcm = await recordElementAudio(heard, LOOP_SECONDS + 1.5);
		const senderRendererCores = ((await rendererCpu(sender)) - cpuBefore) / ((Date.now() - startedAt) / 1000);

		const powers = framePowers(pcm);
		const lag = loopLag(powers, cleanPowers);
		const { noiseFloorDb, speechDb } = levels(powers, cleanPowers, lag);
		const { wordErrorRate, text } = await transcribe(oneLoopFromStart(pcm, lag, cleanPowers.length));
		return { suppression, noiseFloorDb, speechDb, senderRendererCores, wordErrorRate, text };
	} finally {
		await receiver.close();
		await sender.close();
	}
}

const app = await serveTestBuild(undefined, process.env.BENCH_BUILD);
try {
	// The file itself, straight to Whisper: what the words cost before any call.
	const fileWer = { clean: (await transcribe(readPcm16(clean))).wordErrorRate, noisy: (await transcribe(readPcm16(noisy))).wordErrorRate };
	console.log(`Whisper on the files: clean speech WER ${fileWer.clean.toFixed(3)}, with noise ${fileWer.noisy.toFixed(3)}`);
	const results: Round[] = [];
	for (let i = 0; i < rounds; i++) {
		for (const suppression of i % 2 ? [false, true] : [true, false]) {
			const r = await round(app.url, suppression);
			results.push(r);
			console.log(
				`round ${i + 1}/${rounds} suppression ${suppression ? 'on ' : 'off'}: noise floor ${r.noiseFloorDb.toFixed(1)} dBFS, speech ${r.speechDb.toFixed(1)} dBFS, sender renderer ${(r.senderRendererCores * 100).toFixed(1)} % of a core, WER ${r.wordErrorRate.toFixed(3)}`
			);
		}
	}
	const mean = (on: boolean, key: 'noiseFloorDb' | 'speechDb' | 'senderRendererCores' | 'wordErrorRate') => {
		const xs = results.filter((r) => r.suppression === on).map((r) => r[key]);
		return xs.reduce((a, b) => a + b, 0) / xs.length;
	};
	const side = (on: boolean) => ({
		noiseFloorDb: +mean(on, 'noiseFloorDb').toFixed(1),
		speechDb: +mean(on, 'speechDb').toFixed(1),
		senderRendererCores: +mean(on, 'senderRendererCores').toFixed(3),
		wordErrorRate: +mean(on, 'wordErrorRate').toFixed(3)
	});
	const on = side(true);
	const off = side(false);
	const result = {
		benchmark: 'noise-suppression',
		date: new Date().toISOString(),
		rounds,
		loopSeconds: LOOP_SECONDS,
		frameMs: (FRAME / 48_000) * 1000,
		whisperModel: process.env.WHISPER_MODEL ?? 'base',
		fileWer,
		on,
		off,
		noiseReductionDb: +(off.noiseFloorDb - on.noiseFloorDb).toFixed(1),
		speechChangeDb: +(on.speechDb - off.speechDb).toFixed(1),
		extraSenderCores: +(on.senderRendererCores - off.senderRendererCores).toFixed(3),
		perRound: results
	};
	console.log(`noise floor between sentences: off ${off.noiseFloorDb} dBFS, on ${on.noiseFloorDb} dBFS → ${result.noiseReductionDb} dB less noise; speech ${result.speechChangeDb} dB`);
	console.log(`sender renderer: off ${(off.senderRendererCores * 100).toFixed(1)} %, on ${(on.senderRendererCores * 100).toFixed(1)} % of a core`);
	console.log(`WER (${result.whisperModel}): off ${off.wordErrorRate}, on ${on.wordErrorRate}`);
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/noise-suppression.json', `${JSON.stringify(result, null, 2)}\n`);
	console.log('written: bench/results/noise-suppression.json');
} finally {
	app.stop();
}
process.exit(0);
