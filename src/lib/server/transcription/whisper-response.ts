import { z } from 'zod';
import type { SpeechSegment, SpeechWord } from '#lib/transcript/types';
import { languageCode } from './whisper-languages';

/** A transcription, the same for both service flavours; times are seconds into the audio. */
export interface WhisperResult {
	/** Language code, e.g. `en`. */
	language: string;
	/** Audio length in seconds, when the service reports it. */
	duration?: number;
	text: string;
	segments: SpeechSegment[];
}

const word = z.object({
	start: z.number(),
	end: z.number(),
	word: z.string(),
	probability: z.number().nullish()
});

const segment = z.object({
	start: z.number(),
	end: z.number(),
	text: z.string(),
	words: z.array(word).nullish()
});

/** whisper-asr-webservice `/asr?output=json`: words sit inside their segments. */
const asrReply = z.object({
	language: z.string().nullish(),
	text: z.string(),
	segments: z.array(segment)
});

/** OpenAI `verbose_json`: words are one flat list beside the segments. */
const openAiReply = z.object({
	language: z.string().nullish(),
	duration: z.number().nullish(),
	text: z.string(),
	segments: z.array(segment).nullish(),
	words: z.array(word).nullish()
});

type Word = z.infer<typeof word>;
type Segment = z.infer<typeof segment>;

/** Validates a reply body; throws a ZodError when it is not the flavour's JSON. */
export function parseWhisperReply(
	flavour: 'asr' | 'openai',
	body: unknown,
	fallback: { language?: string; duration?: number }
): WhisperResult {
	if (flavour === 'asr') {
		const reply = asrReply.parse(body);
		return result(reply.language ?? fallback.language, fallback.duration, reply.text, reply.segments);
	}
	const reply = openAiReply.parse(body);
	const duration = reply.duration ?? fallback.duration;
	return result(reply.language ?? fallback.language, duration, reply.text, withFlatWords(reply));
}

function result(
	language: string | undefined,
	duration: number | undefined,
	text: string,
	segments: Segment[]
): WhisperResult {
	return {
		// OpenAI names the language ("english"); /asr gives its code.
		language: languageCode(language ?? ''),
		...(duration === undefined ? {} : { duration }),
		text: text.trim(),
		segments: segments.map(toSegment)
	};
}

/** Hands each flat word to the last segment starting at or before it (10 ms tolerance). */
function withFlatWords(reply: z.infer<typeof openAiReply>): Segment[] {
	const words = reply.words;
	const segments = reply.segments ?? [];
	if (!words?.length) return segments;
	if (!segments.length) {
		// OpenAI itself omits segments when only word timestamps were asked for.
		return [{ start: words[0]!.start, end: words.at(-1)!.end, text: reply.text, words }];
	}
	const buckets: Word[][] = segments.map(() => []);
	let i = 0;
	for (const w of words) {
		while (i + 1 < segments.length && segments[i + 1]!.start <= w.start + 0.01) i++;
		buckets[i]!.push(w);
	}
	return segments.map((s, j) => ({ ...s, words: buckets[j] }));
}

function toSegment(s: Segment): SpeechSegment {
	const out: SpeechSegment = { start: s.start, end: s.end, text: s.text.trim() };
	if (s.words) out.words = s.words.map(toWord).filter((w) => w.word !== '');
	return out;
}

function toWord(w: Word): SpeechWord {
	const out: SpeechWord = { start: w.start, end: w.end, word: w.word.trim() };
	if (w.probability != null) out.probability = w.probability;
	return out;
}
