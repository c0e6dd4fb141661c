import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SAMPLE_RATE = 48_000;

/**
 * Speaks sentences with espeak-ng (pauses between them) into a 48 kHz mono 16-bit WAV,
 * made at test time so no audio fixture is committed.
 */
export function speechWav(sentences: string[], pauseMs = 1200): string {
	const dir = mkdtempSync(join(tmpdir(), 'stoom-speech-'));
	const raw = join(dir, 'raw.wav');
	const out = join(dir, 'speech.wav');
	const ssml = `<speak>${sentences.map((s) => `${s} <break time="${pauseMs}ms"/>`).join(' ')}</speak>`;
	execFileSync('espeak-ng', ['-m', '-s', '150', '-w', raw, ssml]);
	execFileSync('sox', [raw, '-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', out, 'pad', '0.5', '0.5']);
	return out;
}

/** The PCM samples of a 16-bit mono WAV file. */
export function readPcm16(path: string): Int16Array {
	const file = readFileSync(path);
	let offset = 12;
	while (offset + 8 <= file.length) {
		const id = file.toString('ascii', offset, offset + 4);
		const size = file.readUInt32LE(offset + 4);
		if (id === 'data') {
			const data = file.subarray(offset + 8, offset + 8 + size);
			return new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
		}
		offset += 8 + size + (size % 2);
	}
	throw new Error(`no data chunk in ${path}`);
}
