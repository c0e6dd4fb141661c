import { execFile } from 'node:child_process';

/** Samples per second the window is decoded at (speech energy only). */
const RATE = 8000;
/** Louder than this (of 32767) is sound: Egress fills missing packets with exact zeros. */
const SILENCE = 8;

/** Index of the last sample louder than silence, or -1. Pure. */
export function lastSoundIndex(samples: Int16Array, threshold = SILENCE): number {
	for (let i = samples.length - 1; i >= 0; i--) if (Math.abs(samples[i]) > threshold) return i;
	return -1;
}

/**
 * The last moment before `before` (and within `lookbackMs` of it) at which a recording heard
 * sound, in ms since the epoch; null when it was silent all through that window, or when the
 * file cannot be read. The file's first sample is taken to be at `fileStartMs` (the egress's
 * start, the transcript's clock too).
 */
export async function lastSoundBefore(path: string, fileStartMs: number, beforeMs: number, lookbackMs: number): Promise<number | null> {
	const fromMs = Math.max(fileStartMs, beforeMs - lookbackMs);
	if (beforeMs <= fromMs) return null;
	const offset = (fromMs - fileStartMs) / 1000;
	const args = ['-v', 'error', '-ss', offset.toFixed(3), '-t', ((beforeMs - fromMs) / 1000).toFixed(3), '-i', path, '-f', 's16le', '-ac', '1', '-ar', String(RATE), 'pipe:1'];
	const pcm = await new Promise<Buffer | null>((resolve) => {
		execFile('ffmpeg', args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (err, stdout) => resolve(err ? null : stdout));
	});
	if (!pcm) return null;
	const samples = new Int16Array(pcm.buffer, pcm.byteOffset, Math.floor(pcm.byteLength / 2));
	const index = lastSoundIndex(samples);
	return index === -1 ? null : fromMs + Math.round((index / RATE) * 1000);
}
