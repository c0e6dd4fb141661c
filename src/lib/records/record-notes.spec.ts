import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '#lib/paraglide/runtime';
import { recordNote } from './record-notes';

// Every note the jobs write, as they write it: read back in English, each is unchanged.
const NOTES = [
	'Recording finishing…',
	"Recording stopped: the recorder's disk is almost full. Everything recorded so far is kept.",
	'Transcribing 0 of 2 speakers…',
	'Transcribing 1 of 1 speakers…',
	'Merging speakers…',
	'2 of 3 speakers could not be transcribed.',
	'Waiting for the transcription service…',
	'Writing insights…',
	'Writing insights again…',
	'Waiting for the insights engine…',
	'Insights are off. Set GEMINI_API_KEY to use Gemini, or INSIGHTS_BASE_URL (and INSIGHTS_MODEL) for a self-hosted OpenAI-compatible engine; ./stoom up runs one.',
	'The model declined to write insights: Gemini blocked the prompt (SAFETY)',
	'The insights engine refused the request (HTTP 400). Check GEMINI_MODEL / INSIGHTS_MODEL and the key.',
	'The insights engine refused the request. Check GEMINI_MODEL / INSIGHTS_MODEL and the key.',
	"The model's answer was not the JSON asked for, after 1 attempt.",
	"The model's answer was not the JSON asked for, after 3 attempts.",
	'The insights engine did not answer, after 2 attempts.',
	'Insights could not be written.',
	'The recorder could not record this.',
	'The recording file is missing.',
	'The recording is empty.',
	'The recording is damaged and cannot be read (no audio stream).',
	'The transcription service could not read this audio.',
	'Transcription gave up after 5 attempts: the transcription service did not answer.'
];

const english = getLocale;
afterEach(() => overwriteGetLocale(english));

describe('recordNote', () => {
	it.each(NOTES)('reads %j back unchanged in English', (note) => {
		expect(recordNote(note)).toBe(note);
	});

	it.each([
		['Transcribing 1 of 3 speakers…', 'fr', 'Transcription des intervenants : 1 sur 3…'],
		['2 of 3 speakers could not be transcribed.', 'de', '2 von 3 Sprechern konnten nicht transkribiert werden.'],
		["The model's answer was not the JSON asked for, after 1 attempt.", 'es', 'La respuesta del modelo no era el JSON pedido, tras 1 intento.'],
		['The recording is damaged and cannot be read (no audio stream).', 'fr', 'L’enregistrement est endommagé et illisible (no audio stream).'],
		['Recording finishing…', 'de', 'Aufzeichnung wird abgeschlossen…']
	] as const)('reads %j in %s', (note, locale, expected) => {
		overwriteGetLocale(() => locale);
		expect(recordNote(note)).toBe(expected);
	});

	it.each([
		[null, null],
		['Something an engine said', 'Something an engine said']
	])('leaves %j as it is', (note, expected) => {
		overwriteGetLocale(() => 'fr');
		expect(recordNote(note)).toBe(expected);
	});
});
