import { execFileSync } from 'node:child_process';
import type { Locator } from '@playwright/test';
import { readPcm16 } from './speech.ts';

/** 10 ms at 48 kHz: the frame of every level here (and RNNoise's own). */
export const FRAME = 480;

/**
 * Records `seconds` of what an `<audio>` element of the page plays (a remote participant's
 * microphone, as the receiving browser decoded it) with MediaRecorder, and answers it as
 * 48 kHz mono 16-bit samples (decoded by ffmpeg).
 */
export async function recordElementAudio(audio: Locator, seconds: number): Promise<Int16Array> {
	const base64 = await audio.evaluate(async (element: HTMLAudioElement, ms: number) => {
		const stream = new MediaStream((element.srcObject as MediaStream).getAudioTracks());
		const recorder = new MediaRecorder(stream, { mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: 256_000 });
		const chunks: Blob[] = [];
		recorder.ondataavailable = (event) => chunks.push(event.data);
		const stopped = new Promise((resolve) => (recorder.onstop = resolve));
		recorder.start();
		await new Promise((resolve) => setTimeout(resolve, ms));
		recorder.stop();
		await stopped;
		const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
		let binary = '';
		for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
		return btoa(binary);
	}, seconds * 1000);
	const wav = execFileSync('ffmpeg', ['-loglevel', 'error', '-i', 'pipe:0', '-ar', '48000', '-ac', '1', '-c:a', 'pcm_s16le', '-f', 'wav', 'pipe:1'], {
		input: Buffer.from(base64, 'base64'),
		maxBuffer: 64 * 1024 * 1024
	});
	return pcmOfWav(wav);
}

function pcmOfWav(wav: Buffer): Int16Array {
	// ffmpeg writing to a pipe cannot go back to fill in the sizes: the data runs to the end.
	const data = wav.indexOf('data', 12, 'ascii');
	const body = wav.subarray(data + 8);
	return new Int16Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength - (body.byteLength % 2)));
}

/** Mean power of each 10 ms frame, full scale = 1. */
export function framePowers(pcm: Int16Array): Float64Array {
	const powers = new Float64Array(Math.floor(pcm.length / FRAME));
	for (let f = 0; f < powers.length; f++) {
		let sum = 0;
		for (let i = f * FRAME; i < (f + 1) * FRAME; i++) sum += (pcm[i]! / 32768) ** 2;
		powers[f] = sum / FRAME;
	}
	return powers;
}

export const dB = (power: number) => 10 * Math.log10(power + 1e-12);

/**
 * The received frames line up with the looped file: answers `lag` such that received frame i
 * is file frame (i + lag) mod length. Circular cross-correlation of the frames' levels (dB,
 * less their mean) with the clean speech's, over one loop of received frames.
 */
export function loopLag(received: Float64Array, clean: Float64Array): number {
	const length = clean.length;
	if (received.length < length) throw new Error(`received ${received.length} frames, the loop is ${length}`);
	const centred = (powers: Float64Array) => {
		const levels = Array.from(powers.subarray(0, length), (p) => Math.max(dB(p), -70));
		const mean = levels.reduce((a, b) => a + b, 0) / length;
		return levels.map((l) => l - mean);
	};
	const r = centred(received);
	const c = centred(clean);
	let best = { lag: 0, score: -Infinity };
	for (let lag = 0; lag < length; lag++) {
		let score = 0;
		for (let i = 0; i < length; i++) score += r[i]! * c[(i + lag) % length]!;
		if (score > best.score) best = { lag, score };
	}
	return best.lag;
}

/** A clean frame counts as a gap between words when it and every frame within 150 ms of it is silent. */
const GAP_GUARD = 15;
const SILENT_DB = -60;
/** A clean frame counts as speech above this level (full scale 0 dB). */
const SPEECH_DB = -35;

export interface Levels {
	/** Mean level of the received frames that fall between sentences in the file (dBFS). */
	noiseFloorDb: number;
	/** Mean level of the received frames that are speech in the file (dBFS). */
	speechDb: number;
	gapFrames: number;
	speechFrames: number;
}

/** The noise floor between words and the speech level of one loop of received audio, lined up with the clean file. */
export function levels(received: Float64Array, clean: Float64Array, lag: number): Levels {
	const length = clean.length;
	const silent = Array.from(clean, (p) => dB(p) < SILENT_DB);
	let gap = 0;
	let gapFrames = 0;
	let speech = 0;
	let speechFrames = 0;
	for (let i = 0; i < length; i++) {
		const at = (i + lag) % length;
		let quiet = true;
		for (let d = -GAP_GUARD; d <= GAP_GUARD && quiet; d++) quiet = silent[(at + d + length) % length]!;
		if (quiet) {
			gap += received[i]!;
			gapFrames++;
		} else if (dB(clean[at]!) > SPEECH_DB) {
			speech += received[i]!;
			speechFrames++;
		}
	}
	return { noiseFloorDb: dB(gap / gapFrames), speechDb: dB(speech / speechFrames), gapFrames, speechFrames };
}

/** One loop of received samples, turned so it starts where the file does (the cut falls in the file's opening pause). */
export function oneLoopFromStart(pcm: Int16Array, lag: number, loopFrames: number): Int16Array {
	const start = ((loopFrames - lag) % loopFrames) * FRAME;
	const loop = pcm.subarray(0, loopFrames * FRAME);
	const out = new Int16Array(loop.length);
	out.set(loop.subarray(start));
	out.set(loop.subarray(0, start), loop.length - start);
	return out;
}

/** Frame powers of a 16-bit mono WAV file. */
export function filePowers(path: string): Float64Array {
	return framePowers(readPcm16(path));
}
