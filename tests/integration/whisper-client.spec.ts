import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createWhisperClient,
	WhisperRejectedError,
	WhisperUnavailableError,
	type WhisperClientConfig
} from '../../src/lib/server/transcription/whisper-client';
import { wordErrorRate } from '../support/wer';

// Contract tests against a real Whisper service (infra/whisper/ here, whisper-asr-webservice
// in production). Speech is synthesized with espeak-ng, so the expected words are known.
const url = process.env.WHISPER_API_URL ?? 'http://127.0.0.1:9000';
const SENTENCE =
	'The meeting will start in a few minutes. ' +
	'Please send the quarterly report to Maria before Friday.';
const MAX_WER = 0.25;
const TIMEOUT_MS = 120_000;

const flavours = ['asr', 'openai'] as const;
function client(flavour: WhisperClientConfig['flavour'], extra: Partial<WhisperClientConfig> = {}) {
	const config = { url, flavour, model: 'whisper-1', language: 'en', timeoutMs: TIMEOUT_MS };
	return createWhisperClient({ ...config, ...extra });
}

let dir: string;
const audio: Record<'wav' | 'ogg', Uint8Array> = { wav: new Uint8Array(), ogg: new Uint8Array() };
const contentTypes = { wav: 'audio/wav', ogg: 'audio/ogg' } as const;

beforeAll(async () => {
	await fetch(url).catch((cause: unknown) => {
		throw new Error(
			`No Whisper service at ${url} (WHISPER_API_URL). Start one with: ` +
				'HF_HUB_OFFLINE=1 .venv-whisper/bin/python infra/whisper/server.py --port 9000',
			{ cause }
		);
	});
	dir = mkdtempSync(join(tmpdir(), 'stoom-whisper-'));
	const [wav, ogg] = [join(dir, 'speech.wav'), join(dir, 'speech.ogg')];
	execFileSync('espeak-ng', ['-w', wav, SENTENCE]);
	execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-i', wav, '-c:a', 'libopus', ogg]);
	audio.wav = readFileSync(wav);
	audio.ogg = readFileSync(ogg);
});

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(flavours)('Whisper %s flavour', (flavour) => {
	it.each(['wav', 'ogg'] as const)(
		'recognizes a known sentence in %s with increasing segment and word times',
		async (format) => {
			const result = await client(flavour).transcribe({
				data: audio[format],
				filename: `speech.${format}`,
				contentType: contentTypes[format]
			});
			const wer = wordErrorRate(SENTENCE, result.text);
			console.info(`WER ${flavour}/${format}: ${wer.toFixed(3)} — "${result.text}"`);

			expect(wer).toBeLessThanOrEqual(MAX_WER);
			expect(result.language).toBe('en');
			expect(result.text).toBe(result.text.trim());
			expect(result.segments.length).toBeGreaterThan(0);
			expect(wordErrorRate(SENTENCE, result.segments.map((s) => s.text).join(' '))).toBe(wer);
			result.segments.forEach((segment, i) => {
				expect(segment.end).toBeGreaterThanOrEqual(segment.start);
				if (i > 0) expect(segment.start).toBeGreaterThan(result.segments[i - 1]!.start);
			});

			const words = result.segments.flatMap((s) => s.words ?? []);
			expect(result.segments.every((s) => s.words && s.words.length > 0)).toBe(true);
			const wordsWer = wordErrorRate(SENTENCE, words.map((w) => w.word).join(' '));
			expect(wordsWer).toBeLessThanOrEqual(MAX_WER);
			words.forEach((word, i) => {
				expect(word.word).toBe(word.word.trim());
				expect(word.end).toBeGreaterThanOrEqual(word.start);
				if (i > 0) expect(word.start).toBeGreaterThanOrEqual(words[i - 1]!.start);
			});
			for (const segment of result.segments) {
				for (const word of segment.words ?? []) {
					expect(word.start).toBeGreaterThanOrEqual(segment.start - 0.05);
					expect(word.end).toBeLessThanOrEqual(segment.end + 0.05);
				}
			}
		},
		TIMEOUT_MS
	);

	it("uses the language a room asks for over its own, and detects it when asked to", async () => {
		const speech = { data: audio.wav, filename: 'speech.wav', contentType: contentTypes.wav };
		expect((await client(flavour).transcribe(speech, { language: 'de' })).language).toBe('de');
		expect((await client(flavour, { language: 'fr' }).transcribe(speech, { language: null })).language).toBe('en');
	});

	it('leaves words out when they are not requested', async () => {
		const result = await client(flavour, { wordTimestamps: false }).transcribe({
			data: audio.wav,
			filename: 'speech.wav'
		});
		expect(wordErrorRate(SENTENCE, result.text)).toBeLessThanOrEqual(MAX_WER);
		expect(result.segments.every((s) => s.words === undefined)).toBe(true);
	}, TIMEOUT_MS);

	it.each([
		['corrupt bytes', new TextEncoder().encode('this is not audio at all'.repeat(50))],
		['an empty file', new Uint8Array()]
	])('rejects %s for good (WhisperRejectedError)', async (_name, data) => {
		const error = await client(flavour)
			.transcribe({ data, filename: 'broken.ogg', contentType: 'audio/ogg' })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(WhisperRejectedError);
		expect((error as WhisperRejectedError).status).toBe(400);
	});

	it('reports a dead service as unavailable (WhisperUnavailableError)', async () => {
		const dead = client(flavour, { url: 'http://127.0.0.1:9', timeoutMs: 5000 });
		const error = await dead
			.transcribe({ data: audio.wav, filename: 'speech.wav' })
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(WhisperUnavailableError);
		expect((error as WhisperUnavailableError).message).toMatch(/unreachable/);
	});
});

// Once, last: the service keeps transcribing the abandoned request, delaying later ones.
it('reports a timeout as unavailable (WhisperUnavailableError)', async () => {
	const impatient = client('asr', { timeoutMs: 50 });
	const error = await impatient
		.transcribe({ data: audio.wav, filename: 'speech.wav' })
		.catch((e: unknown) => e);
	expect(error).toBeInstanceOf(WhisperUnavailableError);
	expect((error as WhisperUnavailableError).message).toMatch(/no answer within 50 ms/);
});

describe('wordErrorRate', () => {
	it.each([
		['The dog.', 'the dog', 0],
		['the quick brown fox', 'the quick round fox', 0.25],
		['the quick brown fox', 'the brown fox', 0.25],
		['a b', 'a x b', 0.5],
		['a b c d', '', 1]
	])('%j vs %j → %d', (reference, hypothesis, expected) => {
		expect(wordErrorRate(reference, hypothesis)).toBe(expected);
	});
});
