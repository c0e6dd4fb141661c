import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** What the noisy microphone says, for the word error rate. */
export const NOISY_SPEECH_SENTENCES = [
	'Please send the budget report to the whole team before Friday.',
	'The new office opens next month near the central station.',
	'We should test the release on three different machines.',
	'Could you book a larger room for the planning meeting?',
	'The customer asked for a shorter delivery time this year.'
];

/** Pink noise this far under full scale, against speech peaks near full scale: about 8 dB of SNR over the sentences. */
const NOISE_GAIN = 0.22;
const DIR = '.data/test-media';
/** The file's length; Chromium's fake microphone plays it over and over. */
export const LOOP_SECONDS = 25;

/**
 * A 48 kHz mono WAV of the sentences (espeak-ng, 1.2 s pauses between them) mixed with steady
 * pink noise (sox, repeatable), and the clean speech alone for aligning what was received.
 * Made once under .data/test-media (git-ignored); no audio is committed.
 */
export function noisySpeechWav(): { noisy: string; clean: string } {
	const clean = join(DIR, 'speech.wav');
	const noisy = join(DIR, 'noisy-speech.wav');
	if (existsSync(noisy) && existsSync(clean)) return { noisy, clean };
	mkdirSync(DIR, { recursive: true });
	const raw = join(DIR, 'speech-raw.wav');
	const noise = join(DIR, 'noise.wav');
	const ssml = `<speak>${NOISY_SPEECH_SENTENCES.map((s) => `${s} <break time="1200ms"/>`).join(' ')}</speak>`;
	execFileSync('espeak-ng', ['-m', '-s', '150', '-w', raw, ssml]);
	// Exactly LOOP_SECONDS long (a whole number of 10 ms frames): Chromium loops the file, and
	// what is received is lined up with it frame by frame.
	execFileSync('sox', [raw, '-r', '48000', '-c', '1', '-b', '16', clean, 'norm', '-1', 'pad', '1.5', String(LOOP_SECONDS), 'trim', '0', String(LOOP_SECONDS)]);
	execFileSync('sox', ['-R', '-n', '-r', '48000', '-c', '1', '-b', '16', noise, 'synth', String(LOOP_SECONDS), 'pinknoise']);
	// Written aside and renamed: a run that stops half-way leaves no half-made file behind.
	execFileSync('sox', ['-R', '-m', '-v', '1', clean, '-v', String(NOISE_GAIN), noise, '-b', '16', `${noisy}.tmp.wav`]);
	renameSync(`${noisy}.tmp.wav`, noisy);
	return { noisy, clean };
}
